"""The floor for the Teams web benchmark: the Agents SDK's own minimal check of an activity on the
same server, as an ASGI app in the SDK's async style: validate the bearer token with its
`JwtTokenValidator` (keys from the same OpenID metadata), read the body with its `Activity`
model, answer 200."""
import json
import os

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator


def create_asgi_app():
    from bot.teams.auth import _MetadataKeys

    keys = _MetadataKeys(os.environ["TEAMS_OPENID_URL"])
    keys.client()
    validator = JwtTokenValidator(AgentAuthConfiguration(client_id=os.environ["TEAMS_APP_ID"],
                                                         issuers=[keys.issuer], validate_issuer=True))
    validator._jwk_client_manager = keys  # the same keys as ours

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        token = dict(scope["headers"]).get(b"authorization", b"").decode().removeprefix("Bearer ")
        await validator.validate_token(token)
        Activity.model_validate(json.loads(body))
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return app
