#pragma once

// A server's health as the pool sees it, and a change of it: plain values
// (no asio), for whoever shows or records them.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ringscope::core {

enum class ServerState : std::uint8_t { Up, Suspect, Down };
const char *stateName(ServerState state) noexcept;

// A change of a server's health, with when it happened.
struct HealthEvent {
    std::chrono::system_clock::time_point when;
    std::size_t server = 0;
    std::string address;
    ServerState from = ServerState::Up;
    ServerState to = ServerState::Up;
    std::string reason;
};

} // namespace ringscope::core
