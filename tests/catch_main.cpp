// One main for every test executable: Catch2's, except that a run which matches no test fails.
// CTest runs one test case per process by its name; were a name to reach Catch changed (CMake
// splits a name at `;`), no test would match and the run would pass without testing anything.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int error = session.applyCommandLine(argc, argv); error != 0) return error;
  auto& config = session.configData();
  config.warnings =
      static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoTests);
  return session.run();
}
