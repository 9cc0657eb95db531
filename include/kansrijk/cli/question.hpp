// One question of the interview: a declared field (its question, choices and help from
// fields.yaml) asked in the conversation until a valid answer, a step back or a stop.
#pragma once

#include <kansrijk/cli/conversation.hpp>
#include <kansrijk/core/model.hpp>
#include <kansrijk/io/answers.hpp>
#include <string>

namespace kansrijk::cli {

// How a question ended.
enum class Outcome { answered, back, stop };

// Asks `decl` of `framework` under `heading`; a valid answer goes to `answer` (which also
// holds the current answer, kept on Enter). `?` shows the help, `<` goes back.
Outcome ask_field(Conversation &talk,
                  const core::Framework &framework,
                  const core::FieldDecl &decl,
                  io::Answer &answer,
                  const std::string &heading);

// The label of `value` of `decl`, as the conversation's language shows it.
std::string value_label(const Conversation &talk,
                        const core::Framework &framework,
                        const core::FieldDecl &decl,
                        const std::string &value);

// `answer` to `decl` as the summary shows it.
std::string answer_text(const Conversation &talk,
                        const core::Framework &framework,
                        const core::FieldDecl &decl,
                        const io::Answer &answer);

} // namespace kansrijk::cli
