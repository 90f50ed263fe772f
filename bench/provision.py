"""Provisions the benchmark org over the admin API and prints what the harness needs, as JSON."""
import json
import sys
import urllib.request

base, operator_token, slug = sys.argv[1], sys.argv[2], sys.argv[3]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    request.add_header("Authorization", "SSWS " + token)
    with urllib.request.urlopen(request) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


org = call("POST", "/api/v1/orgs", {"slug": slug, "name": "Benchmark"}, operator_token)
admin = org["adminToken"]
api = "/orgs/" + slug + "/api/v1"
app = call("POST", api + "/apps", {"label": "bench"}, admin)
key = call("POST", api + "/apps/" + app["id"] + "/credentials/jwks/generate", {"alg": "RS256"}, admin)
call("POST", api + "/apps/" + app["id"] + "/grants", {"scopeId": "okta.workflows.invoke.manage"}, admin)

one_step = {"steps": [{"id": "done", "card": "flow.return", "in": {"body": {"hello": "{{request.body.name}}"}}}]}
ten_steps = {"steps": [
    {"id": "name", "card": "text.trim", "in": {"text": "{{request.body.name}}"}},
    {"id": "upper", "card": "text.upper", "in": {"text": "{{name}}"}},
    {"id": "greet", "card": "text.concat", "in": {"values": ["Hello, ", "{{upper}}", "!"]}},
    {"id": "count", "card": "list.length", "in": {"list": "{{request.body.items}}"}},
    {"id": "double", "card": "number.multiply", "in": {"a": "{{count}}", "b": 2}},
    {"id": "sum", "card": "number.add", "in": {"a": "{{double}}", "b": 0.5}},
    {"id": "hash", "card": "hash.sha256", "in": {"text": "{{greet}}"}},
    {"id": "short", "card": "text.length", "in": {"text": "{{hash}}"}},
    {"id": "obj", "card": "object.set", "in": {"object": {}, "path": "greeting", "value": "{{greet}}"}},
    {"id": "done", "card": "flow.return", "in": {"body": {"result": "{{obj}}", "sum": "{{sum}}", "len": "{{short}}"}}},
]}
flows = {}
for name, definition in (("one", one_step), ("ten", ten_steps)):
    flow = call("POST", api + "/flows", {"name": name, "definition": definition}, admin)
    # The default limit (1,000 calls per second per flow) is below what the benchmark asks for.
    call("PUT", api + "/flows/" + flow["id"] + "/endpoint",
         {"security": "OAUTH2", "allowedApps": "ANY", "rateLimit": {"perSecond": 1000000}}, admin)
    flows[name] = flow["invokeUrl"][len(org["issuer"]) - len("/orgs/" + slug):]

json.dump({"admin": admin, "clientId": app["id"], "privateJwk": key["privateJwk"], "issuer": org["issuer"],
           "flows": flows}, sys.stdout)
