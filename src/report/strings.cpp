// The report frame in Dutch and English. Kept in one table so a proofreader sees every
// fixed sentence side by side.
#include <array>
#include <kansrijk/report/strings.hpp>
#include <utility>

namespace kansrijk::report {

namespace {

struct Pair {
  Word key;
  std::string_view nl;
  std::string_view en;
};

constexpr Pair k_words[] = {
    {Word::report_title, "Beoordeling van een AI-toepassing", "Assessment of an AI application"},
    {Word::use_case, "Toepassing", "Use case"},
    {Word::framework, "Kader", "Framework"},
    {Word::verdict, "Oordeel", "Verdict"},
    {Word::overall_score, "Totaalscore", "Overall score"},
    {Word::of_100, "van 100", "out of 100"},
    {Word::not_scored, "geen score (te veel onbekend)", "no score (too much unknown)"},
    {Word::thresholds, "grenzen", "thresholds"},
    {Word::reason_score, "De totaalscore bepaalt het oordeel", "The overall score sets the verdict"},
    {Word::reason_insufficient,
     "Te veel is onbekend om een totaalscore te geven; wat onbekend is, kan een toepassing niet kansrijk "
     "maken. Beantwoord eerst de open vragen.",
     "Too much is unknown to give an overall score; what is unknown cannot make a use case promising. "
     "Answer the open questions first."},
    {Word::reason_binding, "Doorslaggevend", "Decisive"},
    {Word::reason_also, "Ook van toepassing", "Also applies"},
    {Word::reason_open_questions,
     "Hoe de open vragen ook worden beantwoord, een beter oordeel dan dit is niet mogelijk",
     "Whatever the answers to the open questions, no better verdict than this is possible"},
    {Word::reason_settled,
     "Hoe de open vragen ook worden beantwoord, het oordeel blijft hetzelfde; het onbekende kan het niet "
     "veranderen",
     "However the open questions are answered, the verdict stays the same; what is unknown cannot change it"},
    {Word::verdict_now, "Oordeel nu", "Verdict now"},
    {Word::range_between, "afhankelijk van de open vragen tussen", "depending on the open questions between"},
    {Word::range_certain, "de open vragen kunnen dit oordeel niet meer veranderen",
     "the open questions can no longer change this verdict"},
    {Word::range_approximate,
     "bij benadering: niet alle antwoorden konden worden nagegaan, dus de grenzen zijn ruim genomen",
     "approximate: not every answer could be tried, so the bounds are taken wide"},
    {Word::policy_heading, "Zo komt het oordeel tot stand", "How the verdict comes about"},
    {Word::step_holds, "geldt", "holds"},
    {Word::step_not, "geldt niet", "does not hold"},
    {Word::step_open, "hangt af van open vragen", "depends on open questions"},
    {Word::for_every_answer, "geldt hoe de open vragen ook worden beantwoord",
     "holds whatever the answers to the open questions"},
    {Word::one_of_rules, "via een van deze regels", "through one of these rules"},
    {Word::building_blocks, "Bouwstenen", "Building blocks"},
    {Word::score, "score", "score"},
    {Word::base, "startwaarde", "starting value"},
    {Word::rules_behind, "waarop de score berust", "what the score rests on"},
    {Word::no_rules, "geen regel van toepassing", "no rule applies"},
    {Word::tasks_touched, "Geraakte taken en handelingen", "Tasks and actions touched"},
    {Word::task, "taak", "task"},
    {Word::action, "handeling", "action"},
    {Word::custom_task, "eigen omschrijving", "own description"},
    {Word::suitability, "geschiktheid voor AI-ondersteuning", "suitability for AI support"},
    {Word::skills_needed, "Benodigde vaardigheden", "Skills needed"},
    {Word::best_support, "beste ondersteuning door AI:", "best support by AI:"},
    {Word::weight, "gewicht", "weight"},
    {Word::affective, "affectief", "affective"},
    {Word::technologies, "AI-technologie: passendheid bij deze vaardigheden",
     "AI technology: fit with these skills"},
    {Word::named_by_user, "genoemd in de toepassing", "named in the use case"},
    {Word::tie_equal, "Even goed passend", "Equally fitting"},
    {Word::tie_stronger_in, "is sterker in", "is stronger in"},
    {Word::tie_nothing_separates,
     "Op de vaardigheden die deze toepassing vraagt, verschillen ze niet; de eenvoudigste staat voorop (de "
     "volgorde van het kader). Kies op hun risico's en op wat de organisatie al heeft.",
     "On the skills this use case needs they do not differ; the simplest is listed first (the framework's "
     "order). Choose by their risks and by what the organisation already has."},
    {Word::tie_order,
     "Per saldo passen ze even goed; de eenvoudigste staat voorop (de volgorde van het kader).",
     "On balance they fit equally well; the simplest is listed first (the framework's order)."},
    {Word::quality_of_work, "Kwaliteit van werk", "Quality of work"},
    {Word::flags, "Signalen", "Flags"},
    {Word::no_flags, "Geen signalen.", "No flags."},
    {Word::open_questions, "Open vragen", "Open questions"},
    {Word::no_open_questions, "Geen open vragen.", "No open questions."},
    {Word::needed_for, "nodig voor", "needed for"},
    {Word::conditions, "Voorwaarden", "Conditions"},
    {Word::recommendations, "Aanbevelingen", "Recommendations"},
    {Word::sources, "Bronnen", "Sources"},
    {Word::rule, "regel", "rule"},
    {Word::rules, "regels", "rules"},
    {Word::source, "bron", "source"},
    {Word::statement, "Let op", "Note"},
    {Word::limits, "Grenzen van dit hulpmiddel", "Limits of this tool"},
    {Word::severity_low, "laag", "low"},
    {Word::severity_medium, "matig", "medium"},
    {Word::severity_high, "ernstig", "high"},
    {Word::severity_knockout, "knock-out", "knock-out"},
    {Word::direction_up, "neemt toe", "goes up"},
    {Word::direction_down, "neemt af", "goes down"},
    {Word::direction_mixed, "wisselend, want regels wijzen beide kanten op",
     "mixed, as rules point both ways"},
    {Word::direction_none, "geen verandering verwacht", "no change expected"},
    {Word::direction_unknown, "hangt af van open vragen", "depends on open questions"},
    {Word::valence_favourable, "gunstig", "favourable"},
    {Word::valence_unfavourable, "ongunstig", "unfavourable"},
    {Word::valence_mixed, "gemengd", "mixed"},
    {Word::valence_neutral, "neutraal", "neutral"},
    {Word::valence_unknown, "onbekend", "unknown"},
    {Word::grade_none, "geen", "none"},
    {Word::grade_limited, "beperkt", "limited"},
    {Word::grade_moderate, "redelijk", "moderate"},
    {Word::grade_strong, "sterk", "strong"},
    {Word::verdict_promising, "kansrijk", "promising"},
    {Word::verdict_conditional, "kansrijk onder voorwaarden", "promising under conditions"},
    {Word::verdict_limited, "beperkt kansrijk", "of limited promise"},
    {Word::verdict_insufficient, "nog niet te beoordelen", "cannot be assessed yet"},
    {Word::verdict_not_advised, "niet kansrijk", "not advised"},
    {Word::term_task_suitability, "gemiddelde geschiktheid van de geraakte taken",
     "mean suitability of the tasks touched"},
    {Word::term_skill_support,
     "hoe goed AI de benodigde vaardigheden kan ondersteunen, met de best passende technologie per "
     "vaardigheid",
     "how well AI can support the skills needed (best technology per skill)"},
    {Word::term_technology_fit, "passendheid van de genoemde technologie bij de benodigde vaardigheden",
     "fit of the named technology with the skills needed"},
    {Word::term_quality_of_work, "verwachte richting voor", "expected direction for"},
    {Word::unknown_value, "onbekend", "unknown"},
    {Word::questions_from_rules, "vraag uit regel", "question from rule"},
    {Word::no_technology_ranking, "Geen rangorde: van geen enkele geraakte taak zijn de vaardigheden bekend.",
     "No ranking: the skills of none of the tasks touched are known."},
    {Word::not_known, "onbekend", "unknown"},
    {Word::date, "Datum", "Date"},
    {Word::input_understood, "Invoer zoals begrepen", "Input as understood"},
    {Word::none_listed, "geen", "none"},
    {Word::chart_scores, "Scores per bouwsteen (van 100)", "Scores per building block (out of 100)"},
    {Word::chart_quality_of_work, "Verwachte richting per aspect van de kwaliteit van werk",
     "Expected direction per aspect of the quality of work"},
    {Word::no_score_short, "geen score", "no score"},
    {Word::assessed_with, "Beoordeeld met", "Assessed with"},
    {Word::tool, "Hulpmiddel", "Tool"},
    {Word::framework_hash, "Vingerafdruk van het kader (SHA-256)", "Fingerprint of the framework (SHA-256)"},
    {Word::use_case_id, "Kenmerk van de toepassing", "Identifier of the use case"},
    {Word::appendix, "Bijlage: verantwoording", "Appendix: justification"},
    {Word::appendix_intro,
     "Deze bijlage verantwoordt het oordeel: welke regels van het kader gelden en hoeveel punten ze geven, "
     "hoe het beslisbeleid stap voor stap uitvalt, waar elke regel vandaan komt en hoe de invoer is "
     "begrepen. Een code tussen haken, zoals [000], verwijst naar een bron in de lijst aan het eind.",
     "This appendix justifies the verdict: which rules of the framework apply and how many points they "
     "give, how the verdict policy turns out step by step, where each rule comes from and how the input "
     "was understood. A code in brackets, such as [000], refers to a source in the list at the end."},
    {Word::appendix_pointer,
     "De verantwoording van dit oordeel, met de regels, punten en bronnen en de invoer zoals begrepen, "
     "staat in de bijlage.",
     "The justification of this verdict, with the rules, points and sources and the input as understood, "
     "is in the appendix."},
    {Word::meaning, "Wat dit betekent", "What this means"},
    {Word::meaning_promising, "De toepassing past goed bij het werk en kan worden ingevoerd.",
     "The application fits the work well and can be introduced."},
    {Word::meaning_conditional,
     "De toepassing kan worden ingevoerd, maar pas als de voorwaarden hieronder geregeld zijn.",
     "The application can be introduced, but only once the conditions below are arranged."},
    {Word::meaning_limited,
     "Zoals de toepassing nu is opgezet, is ze weinig kansrijk. Pas de opzet aan en laat de toepassing "
     "daarna opnieuw beoordelen voordat u verdergaat.",
     "As the application is designed now, it holds little promise. Change the design and have the "
     "application assessed again before you go further."},
    {Word::meaning_not_advised,
     "Zet de toepassing zo niet in: de bezwaren wegen zwaarder dan wat ze oplevert. Alleen een wezenlijk "
     "andere opzet kan opnieuw worden beoordeeld.",
     "Do not deploy the application like this: the objections outweigh what it delivers. Only a "
     "substantially different design can be assessed again."},
    {Word::meaning_insufficient,
     "Er is nog te veel onbekend om een oordeel te geven. Beantwoord eerst de open vragen hieronder en "
     "laat de toepassing dan opnieuw beoordelen.",
     "Too much is still unknown to give a verdict. First answer the open questions below, then have the "
     "application assessed again."},
    {Word::meaning_arrange, "Regel vóór de start de voorwaarden hieronder.",
     "Arrange the conditions below before the start."},
    {Word::meaning_flags, "Los vóór de start de ernstige signalen hieronder op.",
     "Resolve the high flags below before the start."},
    {Word::meaning_flags_mild, "Houd rekening met de signalen hieronder.",
     "Take the flags below into account."},
    {Word::meaning_keep, "Houd vast wat al geregeld is.", "Keep what is already in place."},
    {Word::meaning_open, "De open vragen kunnen het oordeel nog veranderen; beantwoord ze voordat u besluit.",
     "The open questions can still change the verdict; answer them before you decide."},
    {Word::so, "dus", "so"},
    {Word::so_at_most, "dus hooguit", "so at most"},
    {Word::score_alone, "op grond van de score alleen", "on the score alone"},
    {Word::to_arrange, "Eerst te regelen", "To arrange first"},
    {Word::still_open, "Nog na te gaan", "Still to find out"},
    {Word::in_place, "Geregeld: vasthouden", "In place: keep it"},
    {Word::answers_flag, "Nodig vanwege het signaal", "Needed because of the flag"},
    {Word::depends_on, "Hangt af van", "Depends on"},
    {Word::status_to_arrange, "te regelen", "to arrange"},
    {Word::status_open, "hangt af van open vragen", "depends on open questions"},
    {Word::status_in_place, "geregeld", "in place"},
    {Word::effects_on_work, "Gevolgen voor het werk", "Effects on the work"},
    {Word::at_a_glance, "Scores in het kort", "Scores at a glance"},
    {Word::best_fit, "Best passende AI-technologie", "Best-fitting AI technology"},
    {Word::fits_less_than, "past minder goed dan", "fits less well than"},
    {Word::versus, "tegenover", "versus"},
    {Word::and_word, "en", "and"},
    {Word::each, "elk", "each"},
    {Word::step, "stap", "step"},
    {Word::page, "Pagina", "Page"},
    {Word::page_of, "van", "of"},
    {Word::condition, "voorwaarde", "condition"},
    {Word::in_place_when, "geregeld als", "in place when"},
    {Word::why_expected, "Waarom dit wordt verwacht", "Why this is expected"},
};

} // namespace

std::string_view word(Word key, Language language) {
  for (const auto &pair : k_words) {
    if (pair.key == key) {
      return language == Language::nl ? pair.nl : pair.en;
    }
  }
  return "?";
}

std::string_view verdict_word(core::Verdict verdict, Language language) {
  switch (verdict) {
  case core::Verdict::promising:
    return word(Word::verdict_promising, language);
  case core::Verdict::conditional:
    return word(Word::verdict_conditional, language);
  case core::Verdict::limited:
    return word(Word::verdict_limited, language);
  case core::Verdict::not_advised:
    return word(Word::verdict_not_advised, language);
  case core::Verdict::insufficient_information:
    return word(Word::verdict_insufficient, language);
  }
  return "?";
}

std::string_view severity_word(core::Severity severity, Language language) {
  switch (severity) {
  case core::Severity::low:
    return word(Word::severity_low, language);
  case core::Severity::medium:
    return word(Word::severity_medium, language);
  case core::Severity::high:
    return word(Word::severity_high, language);
  case core::Severity::knockout:
    return word(Word::severity_knockout, language);
  }
  return "?";
}

std::string_view direction_word(core::QowDirection direction, Language language) {
  switch (direction) {
  case core::QowDirection::up:
    return word(Word::direction_up, language);
  case core::QowDirection::down:
    return word(Word::direction_down, language);
  case core::QowDirection::mixed:
    return word(Word::direction_mixed, language);
  case core::QowDirection::none:
    return word(Word::direction_none, language);
  case core::QowDirection::unknown:
    return word(Word::direction_unknown, language);
  }
  return "?";
}

std::string_view valence_word(core::Valence valence, Language language) {
  switch (valence) {
  case core::Valence::favourable:
    return word(Word::valence_favourable, language);
  case core::Valence::unfavourable:
    return word(Word::valence_unfavourable, language);
  case core::Valence::mixed:
    return word(Word::valence_mixed, language);
  case core::Valence::neutral:
    return word(Word::valence_neutral, language);
  case core::Valence::unknown:
    return word(Word::valence_unknown, language);
  }
  return "?";
}

std::string_view grade_word(core::Grade grade, Language language) {
  switch (grade) {
  case core::Grade::none:
    return word(Word::grade_none, language);
  case core::Grade::limited:
    return word(Word::grade_limited, language);
  case core::Grade::moderate:
    return word(Word::grade_moderate, language);
  case core::Grade::strong:
    return word(Word::grade_strong, language);
  }
  return "?";
}

} // namespace kansrijk::report
