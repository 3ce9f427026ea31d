"""The floor for the Teams web benchmark: the minimal check of an activity on the same server, as
an ASGI app in the Agents SDK's async style: validate the bearer token as the SDK's
`JwtTokenValidator` does (one PyJWT decode: RS256, 5 minutes' leeway, audience, issuer; keys from
the same OpenID metadata), read the body with its `Activity` model, answer 200."""
import json
import os

import jwt
from microsoft_agents.activity import Activity


def create_asgi_app():
    from bot.teams.auth import _MetadataKeys

    keys = _MetadataKeys(os.environ["TEAMS_OPENID_URL"])
    keys.client()
    app_id = os.environ["TEAMS_APP_ID"]

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        token = dict(scope["headers"]).get(b"authorization", b"").decode().removeprefix("Bearer ")
        key = keys.client().get_signing_key(jwt.get_unverified_header(token)["kid"])
        jwt.decode(token, key=key, algorithms=["RS256"], leeway=300.0, audience=app_id, issuer=keys.issuer)
        Activity.model_validate(json.loads(body))
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return app
