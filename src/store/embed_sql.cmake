# Turns the store's SQL files into C++; run at build time (cmake -P) by src/store/CMakeLists.txt,
# which passes the files as '|'-separated lists of paths:
#   MIGRATIONS: sql/NNNN_name.sql -> OUT_DIR/embedded_migrations.cpp: EmbeddedMigrations(); they
#               must be numbered 0001, 0002, ... without gaps
#   QUERIES: sql/queries/name.sql -> OUT_DIR/sql_queries.h: hh::sql::kName, one per file
#            (settings_put.sql -> kSettingsPut)
# Each file's bytes become hex escapes in a string literal, so no SQL text can break the C++.
cmake_minimum_required(VERSION 3.25)
foreach(var MIGRATIONS QUERIES OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_sql.cmake: ${var} is not set")
  endif()
endforeach()

# Sets ${out_var} to a C++ string literal holding the bytes of `file`, 32 bytes per line.
function(hh_sql_literal file out_var)
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" len)
  if(len EQUAL 0)
    message(FATAL_ERROR "${file}: empty SQL file")
  endif()
  set(literal "")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${hex}" ${pos} 64 chunk)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" chunk "${chunk}")
    string(APPEND literal "\n    \"${chunk}\"")
    math(EXPR pos "${pos} + 64")
  endwhile()
  set(${out_var} "${literal}" PARENT_SCOPE)
endfunction()

set(header "// Generated from src/store/sql by src/store/embed_sql.cmake at build time: do not edit.\n")

# Migrations.
string(REPLACE "|" ";" migrations "${MIGRATIONS}")
list(SORT migrations)
list(LENGTH migrations count)
if(count EQUAL 0)
  message(FATAL_ERROR "src/store/sql: no migration (NNNN_name.sql)")
endif()
set(literals "")
set(entries "")
set(expected 1)
foreach(file IN LISTS migrations)
  get_filename_component(base "${file}" NAME)
  if(NOT base MATCHES "^([0-9][0-9][0-9][0-9])_([a-z][a-z0-9_]*)\\.sql$")
    message(FATAL_ERROR "${file}: a migration is named NNNN_name.sql (four digits, then "
                        "lowercase letters, digits and _)")
  endif()
  set(name "${CMAKE_MATCH_2}")
  math(EXPR number "1${CMAKE_MATCH_1} - 10000")
  if(NOT number EQUAL expected)
    message(FATAL_ERROR "${file}: migrations are numbered 0001, 0002, ... without gaps or "
                        "repeats; expected number ${expected} here")
  endif()
  hh_sql_literal("${file}" literal)
  string(APPEND literals "// ${base}\nconstexpr char kMigration${number}[] =${literal};\n")
  string(APPEND entries
         "      {${number}, \"${name}\", {kMigration${number}, sizeof(kMigration${number}) - 1}},\n")
  math(EXPR expected "${expected} + 1")
endforeach()
file(WRITE "${OUT_DIR}/embedded_migrations.cpp" "${header}#include \"store/migrations.h\"

namespace hh {
namespace {

${literals}
}  // namespace

std::span<const Migration> EmbeddedMigrations() {
  static constexpr Migration kMigrations[] = {
${entries}  };
  return kMigrations;
}

}  // namespace hh
")

# Queries.
string(REPLACE "|" ";" queries "${QUERIES}")
list(SORT queries)
set(constants "")
foreach(file IN LISTS queries)
  get_filename_component(base "${file}" NAME)
  if(NOT base MATCHES "^([a-z][a-z0-9_]*)\\.sql$")
    message(FATAL_ERROR "${file}: a query file is named name.sql (lowercase letters, digits, _)")
  endif()
  string(REPLACE "_" ";" parts "${CMAKE_MATCH_1}")
  set(constant "k")
  foreach(part IN LISTS parts)
    if(part STREQUAL "")
      continue()
    endif()
    string(SUBSTRING "${part}" 0 1 first)
    string(SUBSTRING "${part}" 1 -1 rest)
    string(TOUPPER "${first}" first)
    string(APPEND constant "${first}${rest}")
  endforeach()
  hh_sql_literal("${file}" literal)
  string(APPEND constants "// ${base}\ninline constexpr std::string_view ${constant} =${literal};\n")
endforeach()
file(WRITE "${OUT_DIR}/sql_queries.h" "${header}// The store's queries, one constant per file of src/store/sql/queries (private to hh_store).
#pragma once

#include <string_view>

namespace hh::sql {

${constants}
}  // namespace hh::sql
")
