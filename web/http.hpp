#pragma once

// The one way web/ and its tests include Beast. Boost 1.74's asio/awaitable.hpp uses
// std::exchange without including <utility>, so <utility> must come first.
#include <utility>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include <string_view>

namespace casus::web {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// Beast 1.74 uses boost::string_view; the rest of Casus uses std::string_view.
inline std::string_view ToStd(boost::beast::string_view text) { return {text.data(), text.size()}; }

}  // namespace casus::web
