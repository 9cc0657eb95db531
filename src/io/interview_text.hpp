// The optional `interview:` section of fields.yaml: what the interview says about the tasks
// step. Private to io; framework_loader.cpp calls it once the fields are read.
#pragma once

#include <kansrijk/core/model.hpp>
#include <kansrijk/io/reader.hpp>

namespace kansrijk::io {

// Reads `node` (the value of `interview:`) into `framework.interview_tasks`; `after` must
// name a field the interview asks. Problems go to `reader`.
void read_interview_text(const Node &node, core::Framework &framework, Reader &reader);

} // namespace kansrijk::io
