#pragma once

namespace casus::web {

// Where a route's handler runs: on the I/O thread when it touches nothing but the request
// (/healthz), on a worker when it may wait on the domain or the database, and on the report
// workers when it may compute a year report, which can take seconds: those never occupy the
// workers that serve single casussen.
enum class Lane { kWorker, kIoThread, kReport };

}  // namespace casus::web
