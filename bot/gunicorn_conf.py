"""gunicorn settings for the `web` process (Procfile). Threads, not processes, by default: the
app acks Slack at once and does its work in background threads, so threads are what it waits on."""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '3000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "8"))
timeout = 30
keepalive = 5
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG") else None
