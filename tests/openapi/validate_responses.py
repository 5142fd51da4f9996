#!/usr/bin/python3
"""Checks every response the end-to-end suite received against the OpenAPI document.

CASUS_RESPONSE_LOG makes the end-to-end suite's HTTP client append each exchange to a file
(tests/e2e/http_client.cpp). For each: its path must match a path of web/openapi.json and the
method an operation there; the status must be one the operation lists; and a JSON or
problem+json body must validate against that response's schema (JSON Schema 2020-12, as
OpenAPI 3.1 uses it; Debian's python3-jsonschema). Requests the suite sends on purpose outside
the API (unknown paths and methods) are checked as problems only.

usage: validate_responses.py OPENAPI.json RESPONSES.jsonl
"""

import json
import re
import sys
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator
from jsonschema.validators import RefResolver


def main():
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    resolver = RefResolver.from_schema(document)
    problem_schema = document["components"]["schemas"]["Problem"]
    templates = []
    for path, operations in document["paths"].items():
        segments = ["[^/]+" if part.startswith("{") else re.escape(part) for part in path.split("/")]
        templates.append((re.compile("^" + "/".join(segments) + "$"), path, operations))

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            node = resolver.resolve(node["$ref"])[1]
        return node

    failures = []
    checked = 0
    lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
    for number, line in enumerate(lines, 1):
        exchange = json.loads(line)
        path = urlsplit(exchange["target"]).path
        status = str(exchange["status"])
        media = exchange["content_type"].split(";")[0].strip()
        where = "%s %s -> %s" % (exchange["method"], exchange["target"][:120], status)
        body = None
        if media in ("application/json", "application/problem+json"):
            try:
                body = json.loads(exchange["body"])
            except ValueError:
                failures.append("%s: the body is not JSON" % where)
                continue
        match = next(((template, operations) for regex, template, operations in templates
                      if regex.match(path)), None)
        operation = match[1].get(exchange["method"].lower()) if match else None
        if operation is None:
            # Off the API on purpose (404 route, 405 method): a problem, and nothing else.
            if media != "application/problem+json" or not status.startswith("4"):
                failures.append("%s: not in the document, and not a 4xx problem" % where)
            elif body is not None:
                errors = list(Draft202012Validator(problem_schema, resolver=resolver).iter_errors(body))
                if errors:
                    failures.append("%s: %s" % (where, errors[0].message))
            checked += 1
            continue
        responses = operation["responses"]
        if status not in responses:
            failures.append("%s: status %s is not a response of %s %s" % (where, status, exchange["method"], match[0]))
            continue
        response = resolve(responses[status])
        content = response.get("content", {})
        if media not in content:
            if content:
                failures.append("%s: content type %s is not one of %s" % (where, media, sorted(content)))
            continue
        schema = content[media].get("schema")
        if body is not None and schema is not None:
            errors = sorted(Draft202012Validator(schema, resolver=resolver).iter_errors(body),
                            key=lambda e: list(e.absolute_path))
            if errors:
                first = errors[0]
                failures.append("%s: at %s: %s" % (where, "/".join(str(p) for p in first.absolute_path),
                                                   first.message[:300]))
        checked += 1
    print("openapi: %d responses checked against %s, %d do not fit" % (checked, sys.argv[1], len(failures)))
    seen = set()
    for failure in failures:
        key = re.sub(r"/\d+", "/N", failure)[:200]
        if key in seen:
            continue
        seen.add(key)
        print("  " + failure)
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
