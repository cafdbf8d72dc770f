// The CGI front of the service: answer format and requests from the environment.
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "morgue/service.h"

namespace morgue {
namespace {


TEST(Cgi, AnswerFormat) {
  std::ostringstream ok;
  write_cgi_answer(HttpAnswer{200, "application/json", "{}", {{"X-Content-Type-Options", "nosniff"}}}, ok);
  EXPECT_EQ(ok.str(), "Content-Type: application/json\nX-Content-Type-Options: nosniff\nContent-Length: 2\n\n{}");
  std::ostringstream bad;
  write_cgi_answer(HttpAnswer{400, "application/json", R"({"error":"x"})", {}}, bad);
  EXPECT_EQ(bad.str().rfind("Status: 400 Bad Request\nContent-Type: application/json\n", 0), 0u) << bad.str();
}

TEST(Cgi, RequestFromEnvironment) {
  setenv("REQUEST_METHOD", "GET", 1);
  setenv("QUERY_STRING", "q=harbour", 1);
  unsetenv("PATH_INFO");
  HttpRequest r = cgi_request_from_environment();
  EXPECT_EQ(r.path, "/api/search");
  EXPECT_EQ(r.query, "q=harbour");
  setenv("PATH_INFO", "/api/article/0123456789abcdef", 1);
  EXPECT_EQ(cgi_request_from_environment().path, "/api/article/0123456789abcdef");
  unsetenv("PATH_INFO");
  unsetenv("QUERY_STRING");
  unsetenv("REQUEST_METHOD");
}

TEST(Cgi, PostBodyFromStandardInput) {
  setenv("REQUEST_METHOD", "POST", 1);
  setenv("CONTENT_LENGTH", "9", 1);
  setenv("QUERY_STRING", "limit=1", 1);
  unsetenv("PATH_INFO");
  std::istringstream in("q=harbour&more=not-counted");
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  HttpRequest r = cgi_request_from_environment();
  std::cin.rdbuf(saved);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/api/search");
  EXPECT_EQ(r.query, "limit=1");
  EXPECT_EQ(r.body, "q=harbour");
  unsetenv("CONTENT_LENGTH");
  unsetenv("QUERY_STRING");
  unsetenv("REQUEST_METHOD");
}

}  // namespace
}  // namespace morgue
