"""gunicorn settings for the `web` process (Procfile). Threads: a request is verified, recorded and
acked at once (its work runs in this process's one background thread when it is idle, else in a
worker: bot/handoff.py), so requests mostly wait on the database and the network."""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '3000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
# a request mostly waits for its inbox row's (group) commit, not for the CPU: enough threads that
# one batch is being written while the next fills
threads = int(os.environ.get("WEB_THREADS", "16"))
timeout = 30
keepalive = 5
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG") else None


def post_worker_init(worker):
    """Keep acks quick: start-up objects out of the collector's way (fewer, shorter GC pauses),
    and a shorter GIL switch interval so a request thread waits at most about a millisecond for
    the background thread when it runs work here."""
    import gc
    import sys

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    sys.setswitchinterval(0.0005)
