# Generates a C++ source holding web/openapi.json as a raw string literal, so that the casus
# binary serves the document it was built with and never reads the source tree. Run by
# web/CMakeLists.txt:
#   cmake -DINPUT=<openapi.json> -DOUTPUT=<file.cpp> -P embed_openapi.cmake
# Fails the build on a document that would end the raw string literal early.
cmake_minimum_required(VERSION 3.25)
set(delimiter "casus_openapi")
file(READ "${INPUT}" document)
string(FIND "${document}" ")${delimiter}\"" early)
if(NOT early EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
     "// Generated from web/openapi.json by web/embed_openapi.cmake; do not edit.\n"
     "#include \"web/openapi.hpp\"\n\n"
     "namespace casus::web {\n\n"
     "std::string_view OpenApiDocument() {\n"
     "  static constexpr char kDocument[] = R\"${delimiter}(${document})${delimiter}\";\n"
     "  return {kDocument, sizeof kDocument - 1};\n"
     "}\n\n"
     "}  // namespace casus::web\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
