// The Catch2 (v2, as packaged by Debian 12) test runner entry point.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
