"""WeCom (企业微信): the callback, the API client, markdown and card rendering, team posts."""
