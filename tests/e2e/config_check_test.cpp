// The settings of the real binary: `casus config check` shows where each came from and refuses
// what serve refuses; `casus serve --config` runs on a config file alone.

#include <string>

#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE(
    "casus config check prints each setting with the flag, variable or file line it came from",
    "[e2e][config]") {
  const TempFile file("casus.conf", "# test\nlisten = 127.0.0.1:0\nthreads = 3\n");
  const CommandRun run = RunCasus("CASUS_THREADS=5 CASUS_DB=/tmp/none.db",
                                  "config check --config " + file.path() + " --log-format text");
  INFO(run.out);
  CHECK(run.exit_code == 0);
  CHECK(Has(run.out, "db = /tmp/none.db  (env CASUS_DB)\n"));
  CHECK(Has(run.out, "listen = 127.0.0.1:0  (file " + file.path() + ":2)\n"));
  CHECK(Has(run.out, "threads = 5  (env CASUS_THREADS)\n"));
  CHECK(Has(run.out, "log-format = text  (flag --log-format)\n"));
  CHECK(Has(run.out, "header-timeout = 10  (default)\n"));
  CHECK(Has(run.out, "trusted-proxy =   (default: unset)\n"));
}

TEST_CASE("casus config check refuses an unknown key and a value serve would refuse",
          "[e2e][config]") {
  const TempFile unknown("casus.conf", "db = x.db\nmax-conections = 5\n");
  const CommandRun typo = RunCasus("", "config check --config " + unknown.path());
  CHECK(typo.exit_code == 2);
  CHECK(Has(typo.out, unknown.path() + ":2: unknown key 'max-conections'"));

  const CommandRun bad_value = RunCasus("CASUS_BODY_LIMIT=lots", "config check --db x.db");
  CHECK(bad_value.exit_code == 2);
  CHECK(Has(bad_value.out, "CASUS_BODY_LIMIT must be a whole number, not 'lots'"));

  const CommandRun bad_proxy = RunCasus("", "config check --db x.db --trusted-proxy 10.0.0.0/33");
  CHECK(bad_proxy.exit_code == 2);
  CHECK(Has(bad_proxy.out, "--trusted-proxy: '10.0.0.0/33' is not a network"));
}

TEST_CASE("casus config check warns of a CASUS_ variable that is no setting", "[e2e][config]") {
  const CommandRun run = RunCasus("CASUS_MAX_CONECTIONS=5", "config check --db x.db");
  CHECK(run.exit_code == 0);
  CHECK(Has(run.out, "warning: CASUS_MAX_CONECTIONS is set but is no setting of casus serve"));
}

TEST_CASE("casus serve runs on a config file alone and refuses one with a key given twice",
          "[e2e][config]") {
  TempDatabaseLocation db;
  const TempFile good("casus.conf",
                      "db = " + db.path() + "\nlisten = 127.0.0.1:0\nheader-timeout = 5\n");
  ServeProcess serve(CASUS_BINARY, {"serve", "--config", good.path()});
  CHECK(serve.port != 0);

  const TempFile twice("casus.conf",
                       "db = " + db.path() + "\nlisten = 127.0.0.1:0\nlisten = 127.0.0.1:1\n");
  const CommandRun refused = RunCasus("timeout 20", "serve --config " + twice.path());
  CHECK(refused.exit_code == 2);
  CHECK(Has(refused.out, twice.path() + ":3: listen is set again (first on line 2)"));
}

}  // namespace
}  // namespace casus::e2e
