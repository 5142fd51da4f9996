#include "web/signal_json.hpp"

#include "web/case_json.hpp"
#include "web/json_reader.hpp"
#include "web/json_values.hpp"

namespace casus::web {

namespace {

void WriteReporter(JsonWriter& writer, const std::optional<domain::Reporter>& reporter) {
  if (!reporter) {
    writer.Null();
    return;
  }
  writer.StartObject();
  WriteKey(writer, "name");
  WriteString(writer, reporter->name);
  WriteKey(writer, "phone");
  WriteOptionalString(writer, reporter->phone);
  WriteKey(writer, "email");
  WriteOptionalString(writer, reporter->email);
  writer.EndObject();
}

void WriteAssessment(JsonWriter& writer,
                     const std::optional<domain::SignalAssessment>& assessment) {
  if (!assessment) {
    writer.Null();
    return;
  }
  writer.StartObject();
  WriteKey(writer, "decision");
  WriteString(writer, domain::Name(assessment->decision));
  WriteKey(writer, "on");
  WriteString(writer, assessment->on.ToString());
  WriteKey(writer, "case_id");
  WriteOptionalInt64(writer, assessment->case_id);
  WriteKey(writer, "reason");
  WriteOptionalString(writer, assessment->reason);
  WriteKey(writer, "recorded_at");
  WriteString(writer, assessment->recorded_at);
  writer.EndObject();
}

// The members each decision allows; "decision" and "on" belong to all of them.
JsonObjectReader DecisionReader(const rapidjson::Value& root, domain::AssessmentDecision decision) {
  switch (decision) {
    case domain::AssessmentDecision::kLink:
      return JsonObjectReader(root, "", {"decision", "on", "case_id"});
    case domain::AssessmentDecision::kNewCase:
      return JsonObjectReader(
          root, "",
          {"decision", "on", "kind", "reported_on", "themes", "summary", "district", "address"});
    case domain::AssessmentDecision::kDismiss:
      break;
  }
  return JsonObjectReader(root, "", {"decision", "on", "reason"});
}

}  // namespace

domain::NewSignal NewSignalFromJson(std::string_view body) {
  const JsonBody json(body);
  const JsonObjectReader reader(
      json.root(), "",
      {"received_on", "source", "themes", "summary", "district", "address", "reporter"});
  domain::NewSignal request;
  request.received_on = reader.RequiredDate("received_on");
  request.source = reader.RequiredEnum<domain::SignalSource>("source");
  request.themes = reader.RequiredEnumArray<domain::Theme>("themes");
  request.summary = reader.RequiredString("summary");
  request.district = reader.OptionalString("district");
  request.address = OptionalAddress(reader, "address");
  if (const auto reporter = reader.OptionalObject("reporter", {"name", "phone", "email"})) {
    request.reporter =
        domain::Reporter{reporter->RequiredString("name"), reporter->OptionalString("phone"),
                         reporter->OptionalString("email")};
  }
  return request;
}

domain::AssessmentRequest AssessmentRequestFromJson(std::string_view body) {
  const JsonBody json(body);
  // The decision first, from a reader that knows every decision's members, so that a body
  // naming none gets "decision is required" rather than a complaint about its other members.
  const auto decision = JsonObjectReader(json.root(), "",
                                         {"decision", "on", "case_id", "kind", "reported_on",
                                          "themes", "summary", "district", "address", "reason"})
                            .RequiredEnum<domain::AssessmentDecision>("decision");
  const JsonObjectReader reader = DecisionReader(json.root(), decision);
  domain::AssessmentRequest request;
  request.decision = decision;
  request.on = reader.OptionalDate("on");
  switch (decision) {
    case domain::AssessmentDecision::kLink:
      request.case_id = reader.RequiredInt64("case_id");
      break;
    case domain::AssessmentDecision::kNewCase: {
      const auto kind = reader.OptionalEnum<domain::CaseKind>("kind");
      request.new_case = NewCaseFromReader(reader, kind.value_or(domain::CaseKind::kOndermijning));
      // Whatever the kind, a casus opened from a signal needs its themes.
      request.new_case->themes = reader.RequiredEnumArray<domain::Theme>("themes");
      break;
    }
    case domain::AssessmentDecision::kDismiss:
      request.reason = reader.RequiredString("reason");
      break;
  }
  return request;
}

void WriteSignal(JsonWriter& writer, const domain::Signal& signal) {
  writer.StartObject();
  WriteKey(writer, "id");
  writer.Int64(signal.id);
  WriteKey(writer, "received_on");
  WriteString(writer, signal.received_on.ToString());
  WriteKey(writer, "source");
  WriteString(writer, domain::Name(signal.source));
  WriteKey(writer, "themes");
  WriteNames(writer, signal.themes);
  WriteKey(writer, "summary");
  WriteString(writer, signal.summary);
  WriteKey(writer, "district");
  WriteOptionalString(writer, signal.district);
  WriteKey(writer, "address");
  WriteAddress(writer, signal.address);
  WriteKey(writer, "reporter");
  WriteReporter(writer, signal.reporter);
  WriteKey(writer, "status");
  WriteString(writer, domain::Name(signal.status));
  WriteKey(writer, "assessment");
  WriteAssessment(writer, signal.assessment);
  WriteKey(writer, "version");
  writer.Int64(signal.version);
  writer.EndObject();
}

std::string SignalJson(const domain::Signal& signal) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  WriteSignal(writer, signal);
  return buffer.GetString();
}

std::string SignalPageJson(const domain::SignalPage& page) { return PageJson(page, WriteSignal); }

}  // namespace casus::web
