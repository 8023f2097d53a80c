#!/usr/bin/env python3
"""Signs a new customer in through the storefront's sign-in form, the way a browser does, and gives them a cart.

    benchmarks/shopper.py BASE_URL PRODUCT_ID

Registers a customer through the API, signs in at /account/login (antiforgery token and cookie included), adds
PRODUCT_ID to the customer's cart and to their favourites with the storefront's form posts, and prints the
`Cookie` header value the browser would now send: the sign-in cookie (the account's cart lives with the account).
"""
import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.request
import uuid

base, product_id = sys.argv[1].rstrip("/"), sys.argv[2]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor(jar))


def send(path, data=None, content_type="application/x-www-form-urlencoded"):
    request = urllib.request.Request(base + path, data=data, headers={"Content-Type": content_type} if data else {})
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:  # redirects (302) and refusals arrive here
        return error.code, error.read().decode()


email = f"bench-{uuid.uuid4().hex[:12]}@example.com"
password = "Bench-Shopper-Pass1!"
status, body = send("/api/v1/auth/register",
                    json.dumps({"email": email, "password": password, "firstName": "Bench", "lastName": "Shopper"}).encode(),
                    "application/json")
assert status == 201, f"register: {status} {body[:300]}"

status, page = send("/account/login")
assert status == 200, f"login page: {status}"
token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
form = {"_handler": "login", "__RequestVerificationToken": token, "Input.Email": email, "Input.Password": password}
status, body = send("/account/login", urllib.parse.urlencode(form).encode())
assert status == 302, f"sign-in: {status} {body[:300]}"
assert any(c.name == "store.auth" for c in jar), "sign-in set no store.auth cookie"

for action in ("/cart/add", "/favorites/toggle"):
    status, body = send(action, urllib.parse.urlencode({"productId": product_id, "returnUrl": "/"}).encode())
    assert status == 302, f"{action}: {status} {body[:300]}"

print("; ".join(f"{c.name}={c.value}" for c in jar if c.name.startswith("store.auth")))
