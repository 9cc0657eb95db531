// The report frame: its fixed words in every language it has, one column per language, kept
// in one table so a proofreader sees every fixed sentence side by side. A framework may
// declare any of these languages; adding a language is adding its code to
// `k_frame_languages` and a column to `k_words` (a unit test checks that no cell is empty).
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <kansrijk/report/strings.hpp>
#include <kansrijk/util/text.hpp>
#include <utility>

namespace kansrijk::report {

namespace {

constexpr std::array<std::string_view, 2> k_frame_languages = {"nl", "en"};

struct Row {
  Word key{};
  std::array<std::string_view, k_frame_languages.size()> text;
};

constexpr Row k_words[] = {
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
    {Word::tasks_touched, "Geraakte taken", "Tasks touched"},
    {Word::task, "taak", "task"},
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
     "begrepen. Een code tussen haken, zoals [{}], verwijst naar een bron in de lijst aan het eind.",
     "This appendix justifies the verdict: which rules of the framework apply and how many points they "
     "give, how the verdict policy turns out step by step, where each rule comes from and how the input "
     "was understood. A code in brackets, such as [{}], refers to a source in the list at the end."},
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
    {Word::stated_in_place,
     "Geregeld volgens de opgave van de organisatie; bewaar het bewijs bij dit rapport.",
     "In place as the organisation states; keep the evidence with this report."},
    {Word::status_stated, "geregeld (volgens de opgave)", "in place (as stated)"},
    {Word::resolved_flags, "Opgelost volgens de opgave", "Resolved, as stated"},
    {Word::resolved_by_stated, "Opgelost doordat geregeld is (volgens de opgave)",
     "Resolved because this is in place (as stated)"},
    {Word::why_expected, "Waarom dit wordt verwacht", "Why this is expected"},
    {Word::questions_can_change, "Deze vragen kunnen het oordeel nog veranderen (de belangrijkste eerst):",
     "These questions can still change the verdict (the most decisive first):"},
    {Word::questions_cannot_change,
     "Deze vragen veranderen het oordeel niet meer, maar horen bij een volledig beeld:",
     "These questions no longer change the verdict, but belong to a complete picture:"},
    {Word::answer_leads_to, "Bij het antwoord", "If the answer is"},
    {Word::verdict_settled_now, "Geen antwoord op de open vragen verandert het oordeel nog.",
     "No answer to the open questions can change the verdict any more."},
    {Word::yes_word, "ja", "yes"},
    {Word::no_word, "nee", "no"},
    {Word::or_word, "of", "or"},
    {Word::what_if, "Wat dit kansrijker maakt", "What would make this more promising"},
    {Word::what_if_intro,
     "De kleinste veranderingen in keuzes die de organisatie zelf maakt en die het oordeel verbeteren:",
     "The smallest changes to choices the organisation makes itself that improve the verdict:"},
    {Word::what_if_none_possible,
     "Geen enkele verandering in de keuzes die de organisatie zelf maakt, hoeveel ook, maakt dit oordeel "
     "gunstiger: wat het oordeel bepaalt, ligt in de aard van de toepassing zelf.",
     "No change to the choices the organisation makes itself, however many, makes this verdict more "
     "favourable: what sets the verdict lies in the nature of the application itself."},
    {Word::what_if_none_within,
     "Geen combinatie van ten hoogste {} veranderingen in de keuzes die de organisatie zelf maakt, maakt dit "
     "oordeel gunstiger.",
     "No combination of at most {} changes to the choices the organisation makes itself makes this verdict "
     "more favourable."},
    {Word::what_if_needs_answers,
     "Eerst de open vragen beantwoorden: pas dan is te zeggen welke keuzes het oordeel verbeteren.",
     "Answer the open questions first: only then can one say which choices improve the verdict."},
    {Word::what_if_removes, "neemt weg", "removes"},
    {Word::what_if_adds, "brengt nieuw", "brings in"},
    {Word::what_if_becomes, "oordeel wordt", "verdict becomes"},
    {Word::what_if_set, "kies bij", "choose for"},
    {Word::what_if_add, "voeg toe bij", "add to"},
    {Word::what_if_remove, "haal weg bij", "take away from"},
    {Word::what_if_none_value, "geen", "none"},
    {Word::what_if_trace,
     "Gezocht over alle combinaties van ten hoogste {} veranderingen in de velden die het kader als keuze "
     "van de organisatie markeert; {} gevallen volledig beoordeeld, {} bovengrenzen berekend. Een combinatie "
     "staat er alleen als geen kleinere combinatie hetzelfde of meer bereikt.",
     "Searched every combination of at most {} changes to the fields the framework marks as choices of the "
     "organisation; {} cases assessed in full, {} upper bounds computed. A combination is listed only when "
     "no smaller one achieves as much or more."},
    {Word::what_if_incomplete, "de zoektocht stopte bij zijn grens; er kunnen meer combinaties zijn",
     "the search stopped at its limit; there may be more combinations"},
    {Word::rules_no_longer, "regels die niet meer gelden", "rules that no longer hold"},
    {Word::rules_newly, "regels die nieuw gelden", "rules that newly hold"},
    {Word::compare_range, "Mogelijk oordeel bij de open vragen", "Possible verdict under the open questions"},
    {Word::compare_flags_removed, "Signalen die verdwijnen", "Red flags that disappear"},
    {Word::compare_flags_added, "Signalen die erbij komen", "Red flags that appear"},
    {Word::compare_conditions_removed, "Voorwaarden die niet meer te regelen zijn",
     "Conditions no longer to arrange"},
    {Word::compare_conditions_added, "Voorwaarden die erbij komen", "Conditions that appear"},
    {Word::overview_title, "Overzicht van de AI-toepassingen", "Overview of the AI applications"},
    {Word::overview_assessed, "{} toepassingen beoordeeld met het kader {} {} ({}).",
     "{} applications assessed with the framework {} {} ({})."},
    {Word::overview_not_assessed_count, "{} konden niet worden beoordeeld; zie de samenvatting.",
     "{} could not be assessed; see the summary."},
    {Word::count_of, "{} van {}", "{} of {}"},
    {Word::overview_distribution, "Verdeling van de oordelen", "Distribution of the verdicts"},
    {Word::number, "Aantal", "Number"},
    {Word::overview_ranked, "Alle toepassingen, de kansrijkste eerst",
     "All applications, the most promising first"},
    {Word::overview_ranked_intro,
     "Gerangschikt op oordeel, dan op het gunstigste oordeel dat de open vragen nog toelaten, dan op "
     "totaalscore.",
     "Ranked by verdict, then by the most favourable verdict the open questions still allow, then by overall "
     "score."},
    {Word::identifier, "Kenmerk", "Identifier"},
    {Word::title, "Titel", "Title"},
    {Word::not_assessed, "niet beoordeeld", "not assessed"},
    {Word::possible_range, "Mogelijk bij de open vragen", "Possible under the open questions"},
    {Word::main_reason, "Belangrijkste reden", "Main reason"},
    {Word::overview_flags, "Signalen die het vaakst terugkomen", "Red flags that recur most"},
    {Word::red_flag, "Signaal", "Red flag"},
    {Word::applications, "Toepassingen", "Applications"},
    {Word::overview_conditions, "Voorwaarden voor de hele organisatie",
     "Conditions for the whole organisation"},
    {Word::overview_conditions_intro,
     "Voorwaarden die in meer dan één toepassing nog te regelen of nog open zijn: één keer goed regelen "
     "helpt ze allemaal.",
     "Conditions still to arrange or still open in more than one application: arranging them once helps them "
     "all."},
    {Word::none_recurring, "Geen voorwaarde komt in meer dan één toepassing terug.",
     "No condition recurs in more than one application."},
    {Word::overview_questions, "Open vragen die het vaakst terugkomen", "Open questions that recur most"},
    {Word::question, "Vraag", "Question"},
    {Word::overview_quick_wins, "Snelle winst: één keuze verschil", "Quick wins: one choice away"},
    {Word::overview_quick_wins_intro,
     "Toepassingen die met één verandering in een keuze die de organisatie zelf maakt een gunstiger oordeel "
     "krijgen (de eerste gevonden verandering; het rapport van de toepassing geeft ze allemaal).",
     "Applications that get a more favourable verdict with one change to a choice the organisation makes "
     "itself (the first change found; the application's report gives all of them)."},
    {Word::change, "Verandering", "Change"},
    {Word::none_word, "Geen.", "None."},
    {Word::scope_core, "kern van het vak", "core of the profession"},
    {Word::scope_adjacent, "verwant aan het vak", "adjacent to the profession"},
    {Word::scope_outside, "buiten het vak", "outside the profession"},
    {Word::overview_triage, "Eerst bekijken", "Look at these first"},
    {Word::overview_triage_intro,
     "De toepassingen die het werk van de arbeidsdeskundige raken, het zwaarste signaal eerst. Dat signaal "
     "volgt "
     "uit vermoedens: wat de woorden van de beschrijving waarschijnlijk maken (zoals persoonsgegevens of een "
     "besluit zonder tussenkomst van een mens). Vermoedens zijn geen antwoorden; het oordeel volgt alleen "
     "uit de "
     "antwoorden. Bij een even zwaar signaal staan de toepassingen die met de minste antwoorden te beslissen "
     "zijn "
     "bovenaan, met de vragen die als eerste beantwoord moeten worden.",
     "The applications that touch the labour expert's work, the most severe flag first. That flag comes from "
     "presumptions: what the words of the description make likely (such as personal data or a decision "
     "without "
     "human involvement). Presumptions are not answers; the verdict comes from the answers alone. With "
     "equally "
     "severe flags, the applications that the fewest answers can settle come first, with the questions to "
     "answer "
     "first."},
    {Word::scope_heading, "Raakt het vak", "Touches the profession"},
    {Word::presumed_range, "Mogelijk oordeel als de vermoedens kloppen",
     "Possible verdict if the presumptions hold"},
    {Word::presumed_flag, "Zwaarste signaal als de vermoedens kloppen",
     "Most severe flag if the presumptions hold"},
    {Word::first_questions, "Eerst te beantwoorden", "Answer first"},
    {Word::overview_outside, "Buiten het vak", "Outside the profession"},
    {Word::overview_outside_intro,
     "Toepassingen die volgens hun beschrijving het werk van de arbeidsdeskundige niet raken: {}. Ze staan "
     "niet "
     "bij 'Eerst bekijken'.",
     "Applications that by their description do not touch the labour expert's work: {}. They are not under "
     "'Look "
     "at these first'."},
    {Word::overview_changes, "Wat is veranderd", "What changed"},
    {Word::change_new, "nieuw", "new"},
    {Word::change_changed, "veranderd", "changed"},
    {Word::change_same, "ongewijzigd", "unchanged"},
    {Word::change_gone, "verdwenen", "gone"},
    {Word::no_changes, "Niets veranderd.", "Nothing changed."},
    {Word::summary_sheet, "Overzicht", "Summary"},
    {Word::columns_sheet, "Toelichting", "Explanation"},
    {Word::column, "Kolom", "Column"},
    {Word::column_meaning, "Betekenis", "Meaning"},
    {Word::template_values_sheet, "Keuzelijsten", "Lists"},
    {Word::template_allowed, "Mogelijke antwoorden (meer dan één, waar dat mag: scheid ze met ;)",
     "Possible answers (several, where allowed: separate them with ;)"},
    {Word::no_task_recognised, "niet beoordeeld: de beschrijving wijst niet op een taak van het vak",
     "not assessed: the description does not point to a task of the profession"},
};

} // namespace

std::string_view word(Word key, Language language) {
  for (const auto &row : k_words) {
    if (row.key == key) {
      return row.text.at(language.column());
    }
  }
  return "?";
}

std::optional<Language> Language::from_code(std::string_view code) {
  const auto *found = std::find(k_frame_languages.begin(), k_frame_languages.end(), code);
  if (found == k_frame_languages.end()) {
    return std::nullopt;
  }
  return Language(static_cast<std::size_t>(found - k_frame_languages.begin()));
}

std::string_view Language::code() const { return k_frame_languages.at(m_column); }

std::vector<std::string> frame_languages() { return {k_frame_languages.begin(), k_frame_languages.end()}; }

std::string language_code(Language language) { return std::string(language.code()); }

std::vector<util::Diagnostic> frame_language_problems(const core::Framework &framework) {
  std::vector<util::Diagnostic> problems;
  for (std::size_t i = 0; i < framework.languages.size(); ++i) {
    const std::string &code = framework.languages[i];
    if (Language::from_code(code)) {
      continue;
    }
    util::Location where =
        i < framework.language_where.size() ? framework.language_where[i] : util::Location{framework.origin};
    problems.push_back(util::Diagnostic{
        std::move(where),
        fmt::format("the report frame has no words in language \"{}\"{}; it has words in {} (remove the "
                    "language, or add a column for it to src/report/strings.cpp)",
                    code, util::did_you_mean(code, frame_languages()), util::join(frame_languages(), ", ")),
        "KR040"});
  }
  return problems;
}

Language language_for(const core::Framework &framework, std::string_view requested) {
  if (auto problems = frame_language_problems(framework); !problems.empty()) {
    throw util::Error(std::move(problems));
  }
  if (requested.empty()) {
    return framework.languages.empty() ? Language::nl : *Language::from_code(framework.languages.front());
  }
  if (std::find(framework.languages.begin(), framework.languages.end(), requested) ==
      framework.languages.end()) {
    throw util::Error(
        fmt::format("--lang {}: the framework {} has no texts in this language{}; it declares {}", requested,
                    framework.id, util::did_you_mean(std::string(requested), framework.languages),
                    util::join(framework.languages, ", ")));
  }
  return *Language::from_code(requested);
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

std::string_view verdict_colour(core::Verdict verdict) {
  switch (verdict) {
  case core::Verdict::promising:
    return "#188038";
  case core::Verdict::conditional:
    return "#1a73e8";
  case core::Verdict::limited:
    return "#f29900";
  case core::Verdict::not_advised:
    return "#c5221f";
  case core::Verdict::insufficient_information:
    return "#80868b";
  }
  return "#80868b";
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
