#!/usr/bin/env python3
"""Runs README.md's examples against a real server and checks what README says they print.

Every ```sh block of README.md that holds a curl command is run, in README order, against
`casus serve` on a fresh database loaded with `casus seed-demo` (the database the README's
reader has after `.ci/demo`), with one token per role in $WOONOVERLAST_TOKEN, ... (the
woonoverlast one named alice, as in the examples). Commands of `./build/src/casus` in those
blocks run the binary under test on that database. A command must succeed: curl's answer a
2xx unless its expectation names the status. What a command prints is checked against

- a `# ...` comment line right after it (an optional HTTP status first: `# 201 {...}`), and
- else a ```json or plain ``` block that follows its sh block within a few lines of prose, for
  the block's last command,

where `...` in the expectation stands for anything and a UTC instant for any instant.

usage: readme_examples.py CASUS_BINARY README.md
"""

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
STATUS_MARK = "\n__readme_status__"


def blocks(readme):
    """(language, lines, first line number, prose lines since the previous block) per block."""
    result = []
    lines = readme.split("\n")
    i = 0
    prose = 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[i])
        if not fence:
            if lines[i].strip():
                prose += 1
            i += 1
            continue
        start = i + 1
        j = start
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        result.append((fence.group(1), lines[start:j], start + 1, prose))
        prose = 0
        i = j + 1
    return result


def commands(block_lines):
    """The block's commands, each with the `#` expectation lines that follow it."""
    found = []
    pending = ""
    for line in block_lines:
        if not pending and line.startswith("#"):
            if found:
                found[-1][1].append(line[1:].strip())
            continue
        if not pending and not line.strip():
            continue
        pending = pending + "\n" + line if pending else line
        if pending.endswith("\\"):
            continue
        try:
            shlex.split(pending)
        except ValueError:  # a quote still open: the command goes on
            continue
        found.append([pending, []])
        pending = ""
    return found


def without_layout(text):
    """JSON as written compactly: whitespace outside strings removed (README wraps long JSON)."""
    out = []
    quoted = False
    escaped = False
    for c in text:
        if quoted:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            out.append(c)
        elif not c.isspace():
            out.append(c)
    return "".join(out)


def matches(expected, actual):
    if actual.strip()[:1] in ("{", "["):
        expected, actual = without_layout(expected), without_layout(actual)
    pattern = ""
    for piece in re.split(r"(\.\.\.)", INSTANT.sub("\0", expected.strip())):
        if piece == "...":
            pattern += ".*?"
        else:
            pattern += re.escape(piece).replace("\0", INSTANT.pattern).replace("\\\0", INSTANT.pattern)
    return re.fullmatch(pattern, actual.strip(), re.DOTALL) is not None


def body_of(output):
    """What curl -i printed after the response's header (text mode made its CRLFs LFs)."""
    if not output.startswith("HTTP/"):
        return output
    return re.split(r"\r?\n\r?\n", output, maxsplit=1)[-1]


def main():
    casus, readme_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    readme = open(readme_path, encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix="casus-readme-")
    db = os.path.join(work, "casus-demo.db")

    env = dict(os.environ)

    def run_casus(*arguments):
        return subprocess.run([casus, *arguments], env=env, check=True, capture_output=True,
                              text=True).stdout

    run_casus("migrate", "--db", db)
    run_casus("seed-demo", "--db", db)
    # Keyed as .ci/demo keys it, with the key beside the database.
    run_casus("audit", "init-key", "--key-file", db + ".audit-key")
    run_casus("audit", "rekey", "--db", db, "--key-file", db + ".audit-key")
    env["CASUS_AUDIT_KEY_FILE"] = db + ".audit-key"
    for role, name in [("woonoverlast", "alice"), ("ondermijning", "bob"),
                       ("analist", "carol"), ("beheerder", "dave")]:
        secret = run_casus("token", "create", "--db", db, "--name", name, "--role", role)
        env[role.upper() + "_TOKEN"] = secret.strip().split("\n")[-1]
    server = subprocess.Popen([casus, "serve", "--db", db, "--listen", "127.0.0.1:0"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    failures = []
    ran = 0
    try:
        line = server.stdout.readline()
        port = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not port:
            print("readme: the server did not start: " + line)
            return 1
        base = "http://127.0.0.1:" + port.group(1)
        all_blocks = blocks(readme)
        for index, (language, block_lines, first_line, _) in enumerate(all_blocks):
            if language != "sh" or not any("curl " in l for l in block_lines):
                continue
            found = commands(block_lines)
            following = all_blocks[index + 1] if index + 1 < len(all_blocks) else None
            for position, (command, expectation) in enumerate(found):
                shown = command
                command = command.replace("http://127.0.0.1:8080", base)
                command = re.sub(r"(^|\s)(\./build/src/casus|casus)\s", r"\1" + casus + " ", command)
                command = command.replace("casus-demo.db", db)
                if "curl " in command:
                    command = command.replace("curl ", "curl -w '" + STATUS_MARK + "%{http_code}' ", 1)
                result = subprocess.run(["bash", "-c", command], env=env, cwd=work,
                                        capture_output=True, text=True, timeout=60)
                ran += 1
                output = result.stdout
                status = None
                if STATUS_MARK in output:
                    output, status = output.rsplit(STATUS_MARK, 1)
                    status = int(status)
                expected = " ".join(expectation) if expectation else None
                if expected is None and position == len(found) - 1 and following is not None \
                        and following[0] in ("json", "") and following[3] <= 3:
                    expected = "\n".join(following[1])
                wanted_status = None
                if expected:
                    leading = re.match(r"^(\d{3})\s+(.*)$", expected, re.DOTALL)
                    if leading:
                        wanted_status, expected = int(leading.group(1)), leading.group(2)
                problem = None
                if result.returncode != 0:
                    problem = "exit code %d: %s" % (result.returncode, result.stderr.strip())
                elif status is not None and wanted_status is not None and status != wanted_status:
                    problem = "status %d, README says %d" % (status, wanted_status)
                elif status is not None and wanted_status is None and not 200 <= status < 300:
                    problem = "status %d" % status
                elif expected and not matches(expected, body_of(output)):
                    problem = "printed something else than README shows"
                if problem:
                    failures.append("README.md line %d: %s\n  $ %s\n  %s\n  printed: %s\n  README: %s"
                                    % (first_line, problem, shown.replace("\n", "\n    "),
                                       "", output.strip()[:2000], (expected or "")[:2000]))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("readme: ran %d commands of README.md, %d failed" % (ran, len(failures)))
    for failure in failures:
        print(failure)
    return 1 if failures or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
