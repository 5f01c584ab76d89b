#pragma once

#include <string>
#include <vector>

namespace ringscope::cli {

// Each command returns the process exit status; errors are one line on stderr.
int runPlace(const std::vector<std::string> &args);
int runDiff(const std::vector<std::string> &args);
int runCompare(const std::vector<std::string> &args);
int runPresets(const std::vector<std::string> &args);
int runBench(const std::vector<std::string> &args);
// get, set, add, replace, delete, touch, stats, audit.
int runLive(const std::string &command, const std::vector<std::string> &args);
int runDemo(const std::vector<std::string> &args);
int runMigrate(const std::vector<std::string> &args);

// Prints "ringscope-cli: <message>" on stderr and returns 2.
int fail(const std::string &message);

} // namespace ringscope::cli
