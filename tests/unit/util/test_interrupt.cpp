// The stop-signal guard: the flag, the exit code, and the handlers put back afterwards.
#include <catch2/catch.hpp>
#include <csignal>
#include <kansrijk/util/interrupt.hpp>

using namespace kansrijk::util;

TEST_CASE("a stop signal sets the flag while the guard lives", "[util][interrupt]") {
  CHECK_FALSE(interrupt_requested());
  {
    const InterruptGuard guard;
    CHECK_FALSE(interrupt_requested());
    std::raise(SIGINT);
    CHECK(interrupt_requested());
    CHECK(InterruptGuard::exit_code() == 130);
  }
  CHECK_FALSE(interrupt_requested());
  {
    const InterruptGuard guard;
    std::raise(SIGTERM);
    CHECK(interrupt_requested());
    CHECK(InterruptGuard::exit_code() == 143);
  }
}

TEST_CASE("the previous handlers are back when the guard ends", "[util][interrupt]") {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction before {};
  sigaction(SIGINT, &ignore, &before);
  { const InterruptGuard guard; }
  struct sigaction after {};
  sigaction(SIGINT, nullptr, &after);
  CHECK(after.sa_handler == SIG_IGN);
  sigaction(SIGINT, &before, nullptr);
}
