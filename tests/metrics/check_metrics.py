#!/usr/bin/python3
"""GET /metrics of the real binary, parsed by Prometheus's own Python client's text parser.

`casus serve` on a fresh database, with --metrics-listen on a port of its own: after a few
requests, /metrics (from this machine on the API's port, and on the metrics port) must parse
as the text exposition format 0.0.4, count the requests by route pattern, method and status,
give their latency as histograms whose buckets add up, and show the gauges and counters of
the writer, the report cache and the audit trail; its labels hold no casus id. Debian's
python3-prometheus-client (installed by .ci/install-test-tools); exit 77 without it, unless
CASUS_REQUIRE_PROMETHEUS_PARSER=1.

usage: check_metrics.py CASUS_BINARY
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError:
    print("metrics: no prometheus_client (Debian's python3-prometheus-client)")
    sys.exit(1 if os.environ.get("CASUS_REQUIRE_PROMETHEUS_PARSER") == "1" else 77)


def fetch(url, token=None, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=body)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def main():
    casus = sys.argv[1]
    work = tempfile.mkdtemp(prefix="casus-metrics-")
    db = os.path.join(work, "metrics.db")
    subprocess.run([casus, "migrate", "--db", db], check=True, capture_output=True)
    token = subprocess.run([casus, "token", "create", "--db", db, "--name", "alice", "--role",
                            "woonoverlast"], check=True, capture_output=True,
                           text=True).stdout.strip().split("\n")[-1]
    server = subprocess.Popen([casus, "serve", "--db", db, "--listen", "127.0.0.1:0",
                               "--metrics-listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    try:
        base = metrics_base = None
        while base is None or metrics_base is None:
            line = server.stdout.readline()
            if not line:
                print("metrics: serve ended early")
                return 1
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if found and line.startswith("listening"):
                base = found.group(1)
            found = re.search(r"metrics on (http://127\.0\.0\.1:\d+)/metrics", line)
            if found:
                metrics_base = found.group(1)

        status, _, body = fetch(base + "/api/v1/cases", token, "POST", json.dumps({
            "kind": "woonoverlast", "district": "Centrum", "housing_type": "koop",
            "reported_on": "2024-03-01", "categories": ["geluid"], "summary": "x"}).encode())
        check(status == 201, "POST gave %d" % status)
        case_id = json.loads(body)["id"]
        for _ in range(3):
            fetch("%s/api/v1/cases/%d" % (base, case_id), token)
        fetch(base + "/api/v1/cases/999999", token)
        fetch(base + "/api/v1/reports/woonoverlast/2024", token)
        fetch(base + "/api/v1/reports/woonoverlast/2024", token)
        fetch(base + "/no/such/path", token)

        for where in (base, metrics_base):
            status, headers, text = fetch(where + "/metrics")
            check(status == 200, "%s/metrics gave %d" % (where, status))
            check(headers.get("Content-Type", "").startswith("text/plain; version=0.0.4"),
                  "content type %s" % headers.get("Content-Type"))
            families = {family.name: family for family in text_string_to_metric_families(text)}
            samples = {}
            for family in families.values():
                for sample in family.samples:
                    key = (sample.name, tuple(sorted(sample.labels.items())))
                    samples[key] = sample.value
                    route = sample.labels.get("route", "")
                    check(str(case_id) not in route.split("/"), "a casus id in a route: %s" % route)

            def value(name, **labels):
                return samples.get((name, tuple(sorted(labels.items()))))

            check(value("casus_http_requests_total", route="/api/v1/cases/{id}", method="GET",
                        status="200") == 3, "GET /api/v1/cases/{id} 200 counted %s" %
                  value("casus_http_requests_total", route="/api/v1/cases/{id}", method="GET", status="200"))
            check(value("casus_http_requests_total", route="/api/v1/cases/{id}", method="GET",
                        status="404") == 1, "the 404 of a missing casus is not counted")
            check(value("casus_http_requests_total", route="/api/v1/cases", method="POST",
                        status="201") == 1, "the POST is not counted")
            check(value("casus_http_requests_total", route="unmatched", method="GET",
                        status="404") == 1, "the unknown path is not counted")
            count = value("casus_http_request_duration_seconds_count", route="/api/v1/cases/{id}")
            inf = value("casus_http_request_duration_seconds_bucket", route="/api/v1/cases/{id}", le="+Inf")
            check(count == 4 and inf == 4, "latency count %s, +Inf bucket %s" % (count, inf))
            buckets = sorted((float(dict(labels)["le"]), v)  # float("+Inf") is inf
                             for (name, labels), v in samples.items()
                             if name == "casus_http_request_duration_seconds_bucket"
                             and dict(labels).get("route") == "/api/v1/cases/{id}")
            check(all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])), "buckets not cumulative")
            for gauge in ("casus_http_requests_in_flight", "casus_http_connections_open",
                          "casus_writer_queue_depth", "casus_http_internal_errors_total"):
                check(value(gauge) is not None, "no %s" % gauge)
            # On the API's port the /metrics request itself is in flight (the metrics port's
            # own requests are not counted, but the one before may still be finishing).
            in_flight = value("casus_http_requests_in_flight")
            check(in_flight is not None and (in_flight >= 1 or where != base),
                  "in flight %s" % in_flight)
            check((value("casus_report_cache_misses_total") or 0) >= 1, "no report cache miss")
            check((value("casus_report_cache_hits_total") or 0) >= 1, "no report cache hit")
            check((value("casus_audit_rows_written_total") or 0) >= 7, "audit rows %s" %
                  value("casus_audit_rows_written_total"))
            check((value("casus_writer_batch_size_count") or 0) >= 1, "no writer batch")
            check(value("casus_http_unavailable_total") == 0, "503s counted")

        # The metrics port serves /metrics only; the API's port hides it from other hosts
        # (a router test covers that: this test only has loopback).
        status, _, _ = fetch(metrics_base + "/api/v1/cases/%d" % case_id, token)
        check(status == 404, "the metrics port answered the API with %d" % status)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("metrics: %d problems" % len(failures))
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
