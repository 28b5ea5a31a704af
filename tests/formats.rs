//! Each source family and each trap, on small fixtures written for these tests
//! (tests/fixtures/formats/).

use plenary::attribution::Method;
use plenary::formats::{self, ParsedDocument, SourceType};
use plenary::Library;

use crate::common::temp_dir;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn parse(name: &str, expected: SourceType) -> ParsedDocument {
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let text = fixture(name);
    let file_name = std::path::Path::new(name)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(formats::detect(&text, file_name), Some(expected), "{name}");
    formats::parse(expected, &text, file_name, library.resolver()).unwrap()
}

/// (speaker name or label, method) per statement.
fn speakers(doc: &ParsedDocument) -> Vec<(String, Method)> {
    doc.statements
        .iter()
        .map(|s| {
            let who = s
                .speaker
                .name
                .clone()
                .or_else(|| s.speaker.label.clone())
                .or_else(|| s.speaker.person.clone())
                .unwrap_or_default();
            (who, s.speaker.method.unwrap_or(Method::Unknown))
        })
        .collect()
}

#[test]
fn transcript_labels_cues_corrections_and_interjections() {
    let doc = parse("transcript.txt", SourceType::Transcript);
    let got = speakers(&doc);
    let expected = [
        ("Chair", Method::Label),
        ("Peru", Method::ChairCue), // "the delegation of Peru. You have the floor"
        ("Chair", Method::Label),
        ("Kiribati", Method::ChairCue), // "Kiribati to be followed by Nauru. Kiribati, please."
        ("Chair", Method::Label),
        ("Republic of Moldova", Method::ChairCue), // the correction wins
        ("Chair", Method::Label),
        ("Chile", Method::ChairCue), // an interjection after the floor was given
        ("Chair", Method::Label),
        ("Chile", Method::ChairCue), // "Chile, you have the floor" after the interruption
        ("United Kingdom", Method::Label), // two paragraphs, one turn
        ("Chair", Method::Label),
    ];
    let expected: Vec<(String, Method)> =
        expected.iter().map(|(n, m)| (n.to_string(), *m)).collect();
    assert_eq!(got, expected);
    assert!(
        doc.statements[10].text.contains("second paragraph"),
        "{:?}",
        doc.statements[10].text
    );
    assert_eq!(
        doc.statements[3].aligned_with.as_deref(),
        Some("Pacific Islands Forum")
    );
    assert!(!doc
        .statements
        .iter()
        .any(|s| s.text.contains("Leave a Reply") || s.text.contains("email")));
    assert_eq!(doc.sitting.session, Some(3));
    assert_eq!(doc.sitting.meeting, Some(5));
    assert_eq!(doc.sitting.process.as_ref().unwrap().1, "OEWG 2021–2025");
    assert_eq!(doc.agenda_items[0].number, "5");
    assert_eq!(
        doc.agenda_items[0].title.as_deref(),
        Some("capacity building")
    );
    assert!(doc.unofficial);
    let later: Vec<&str> = doc
        .speaker_list
        .iter()
        .filter(|e| !e.spoke)
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(later, ["Nauru", "Tonga"]);
    // Offsets and lines point back into the source.
    let source = fixture("transcript.txt");
    let peru = &doc.statements[1];
    assert!(source[peru.start..peru.end].starts_with("Thank you, Chair. Peru"));
    assert_eq!(peru.line, 11);
}

#[test]
fn labelled_report_with_named_statistics() {
    let doc = parse("report_labelled.txt", SourceType::SessionReport);
    let got: Vec<String> = speakers(&doc).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["Chair", "Kenya", "Team Green", "Chair"]);
    // The transcript's heading may read "Transcript" or "Full session transcript".
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    for heading in ["Transcript", "Full session transcript:"] {
        let text = fixture("report_labelled.txt").replace("Session transcript", heading);
        assert_eq!(
            formats::detect(&text, "r.txt"),
            Some(SourceType::SessionReport),
            "{heading}"
        );
        let other = formats::parse(
            SourceType::SessionReport,
            &text,
            "r.txt",
            library.resolver(),
        )
        .unwrap();
        assert_eq!(speakers(&other), speakers(&doc), "{heading}");
    }
    assert_eq!(doc.date.unwrap().to_string(), "2025-03-03");
    assert_eq!(doc.start_time.as_deref(), Some("10:00"));
    assert_eq!(doc.end_time.as_deref(), Some("11:30"));
    assert!(doc.ai_generated && doc.unofficial);
    assert!(doc
        .summary
        .as_deref()
        .unwrap()
        .contains("Kenya spoke about norms"));
    assert!(
        !doc.statements
            .iter()
            .any(|s| s.text.contains("Kenya spoke about norms")),
        "summary kept out of statements"
    );
    let kenya = doc
        .speaker_list
        .iter()
        .find(|e| e.label == "Kenya")
        .unwrap();
    assert_eq!(
        (kenya.words, kenya.seconds, kenya.words_per_minute),
        (Some(7), Some(4.0), Some(100.0))
    );
    assert!(!doc
        .statements
        .iter()
        .any(|s| s.text.contains("Speech speed")));
}

#[test]
fn unlabelled_report_speakers_from_the_text() {
    let doc = parse("report_unlabelled.txt", SourceType::SessionReport);
    let got: Vec<(Option<String>, Option<String>)> = doc
        .statements
        .iter()
        .map(|s| (s.speaker.name.clone(), s.speaker.person.clone()))
        .collect();
    let chair = (Some("Chair".to_string()), None);
    let unodc = Some("United Nations Office on Drugs and Crime".to_string());
    assert_eq!(got[0], chair, "the Chair opens");
    assert_eq!(
        got[1],
        (unodc.clone(), Some("Omar Haddad".into())),
        "introduced, then says on whose behalf"
    );
    assert_eq!(got[2], chair, "thanks and introduces");
    assert_eq!(
        got[3],
        (unodc, Some("Lina Berg".into())),
        "the colleague shares the organisation"
    );
    assert_eq!(got[4], chair, "the Chair closes");
    assert_eq!(
        doc.speaker_list[0].words,
        Some(60),
        "unnamed statistics go to speakers in order"
    );
}

#[test]
fn un_document_paragraphs_footnotes_symbols() {
    let doc = parse("un_document.txt", SourceType::UnDocument);
    assert_eq!(doc.un_symbol.as_deref(), Some("A/AC.999/2030/1"));
    assert_eq!(doc.date.unwrap().to_string(), "2030-03-02");
    assert_eq!(doc.title, "Note on example matters");
    assert_eq!(doc.sitting.session, Some(12));
    let numbers: Vec<_> = doc
        .statements
        .iter()
        .map(|s| s.number.clone().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert!(
        doc.statements[1].text.contains("(b) Another sub-item"),
        "sub-items stay with their paragraph"
    );
    assert!(doc.statements[2]
        .text
        .contains("continuation after a page break"));
    assert!(
        !doc.statements[0].text.contains("See A/79/214, para. 1"),
        "footnote kept apart"
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].number, "1");
    assert_eq!(doc.footnotes[0].statement, Some(0));
    assert_eq!(doc.symbols, ["A/79/214", "A/75/816", "ST/SGB/2013/4"]);
    assert!(doc
        .statements
        .iter()
        .all(|s| s.speaker.name.as_deref() == Some("Secretariat")));
    assert_eq!(doc.statements[0].section.as_deref(), Some("I"));
    assert!(
        !doc.statements[0].text.contains("[A/79/214](#)"),
        "link markup removed"
    );
}

#[test]
fn un_document_from_a_pdf_drops_page_furniture() {
    // Text as a PDF of a UN document gives it: the masthead on the symbol's line, and
    // running headers, page numbers, job numbers and barcodes between paragraphs.
    let doc = parse("un_document_pdf_text.txt", SourceType::UnDocument);
    assert_eq!(doc.un_symbol.as_deref(), Some("A/AC.999/2031/4"));
    assert_eq!(
        doc.symbols,
        ["A/99/100"],
        "the own symbol is not a citation"
    );
    assert_eq!(doc.date.unwrap().to_string(), "2031-04-14");
    assert_eq!(doc.title, "Options for an example directory");
    assert_eq!(doc.statements.len(), 4);
    let second = &doc.statements[1].text;
    assert!(
        second.ends_with("lessons they had learned from them."),
        "the paragraph goes on across the page break: {second:?}"
    );
    for s in &doc.statements {
        for furniture in ["31-04567", "2/3", "3/3", "A/AC.999", "- 3 -", "recycle"] {
            assert!(!s.text.contains(furniture), "{furniture:?} in {:?}", s.text);
        }
    }
}

#[test]
fn papers_speak_for_those_who_submit_them() {
    // A byline on its own line, for a group.
    let doc = parse("un_working_paper.txt", SourceType::UnDocument);
    assert_eq!(doc.title, "Working paper on an example mechanism");
    assert_eq!(
        doc.statements.len(),
        2,
        "a short paper is still a UN document"
    );
    for s in &doc.statements {
        assert_eq!(s.speaker.name.as_deref(), Some("Cuba"));
        assert_eq!(s.speaker.method, Some(Method::Document));
        assert_eq!(s.on_behalf_of.as_deref(), Some("Non-Aligned Movement"));
    }
    // In the title: a letter from a permanent representative, a joint working paper.
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let text = fixture("un_working_paper.txt");
    for (title, first) in [
        ("Letter dated 3 May 2031 from the Permanent Representative of Brazil to the United Nations addressed to the Chair", "Brazil"),
        ("Note verbale dated 2 May 2031 from the Permanent Mission of Kenya to the United Nations addressed to the Secretariat", "Kenya"),
        ("Working paper submitted by Egypt and France", "Egypt"),
        ("Chair’s summary of the informal consultations", "Chair"),
        ("Draft elements of the report, note by the Chair", "Chair"),
    ] {
        let text = text
            .replace("Working paper on an example mechanism", title)
            .replace("Submitted by Cuba on behalf of the Non-Aligned Movement\n", "");
        let doc = formats::parse(SourceType::UnDocument, &text, "paper.txt", library.resolver()).unwrap();
        assert_eq!(doc.title, title);
        assert!(
            doc.statements.iter().all(|s| s.speaker.name.as_deref() == Some(first) && s.on_behalf_of.is_none()),
            "{title}: {:?}",
            speakers(&doc)
        );
    }
}

#[test]
fn a_letter_without_numbered_paragraphs_is_read_paragraph_by_paragraph() {
    let doc = parse("un_letter.txt", SourceType::UnDocument);
    assert_eq!(doc.un_symbol.as_deref(), Some("A/99/777"));
    assert_eq!(
        doc.title,
        "Letter dated 8 May 2031 from the Permanent Representative of Brazil to the United Nations addressed to the Secretary-General",
        "a title wrapped over two lines is one title"
    );
    let texts: Vec<&str> = doc.statements.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert!(texts[0].starts_with("I have the honour"));
    assert!(
        texts[1].ends_with("under agenda item 94."),
        "the annex's wrapped title is not part of the letter: {:?}",
        texts[1]
    );
    assert!(
        texts[3].ends_with("Brazil is ready to support."),
        "the paragraph before the page break does not take the next one: {:?}",
        texts[2]
    );
    assert!(texts
        .iter()
        .all(|t| !t.contains("(Signed)") && !t.contains("99-07777")));
    assert!(doc
        .statements
        .iter()
        .all(|s| s.number.is_none() && s.speaker.name.as_deref() == Some("Brazil")));
    assert_eq!(doc.statements[0].section, None);
    assert_eq!(doc.statements[2].section.as_deref(), Some("Annex"));
}

#[test]
fn verbatim_record_speakers_from_labels_and_introductions() {
    let doc = parse("verbatim_record.txt", SourceType::UnDocument);
    assert_eq!(doc.un_symbol.as_deref(), Some("A/99/PV.7"));
    assert_eq!(doc.date.unwrap().to_string(), "2044-09-21");
    // A meeting of the general debate sits with the debate's speeches.
    assert_eq!(
        doc.sitting.process.as_ref().map(|(k, _)| k.as_str()),
        Some("unga-general-debate")
    );
    assert_eq!(
        doc.title,
        "UN General Assembly general debate, 99th session, 7th meeting"
    );
    assert_eq!(doc.sitting.session, Some(99));
    assert_eq!(doc.sitting.meeting, Some(7));
    assert_eq!(
        speakers(&doc),
        [
            (
                "President of the General Assembly".to_string(),
                Method::Label
            ),
            (
                "President of the General Assembly".to_string(),
                Method::Label
            ),
            // "President Example" was introduced as President of the French Republic.
            ("France".to_string(), Method::InText),
            (
                "President of the General Assembly".to_string(),
                Method::Label
            ),
            ("Russian Federation".to_string(), Method::Label),
            ("Kenya".to_string(), Method::Label),
            (
                "President of the General Assembly".to_string(),
                Method::Label
            ),
            ("Brazil".to_string(), Method::Label),
        ]
    );
    let france = &doc.statements[2];
    assert!(
        france
            .text
            .ends_with("We also need capacity-building for all."),
        "a speech goes on across paragraphs and page breaks: {:?}",
        france.text
    );
    assert!(!france.text.contains("44-12345"));
    assert!(
        doc.statements
            .iter()
            .all(|s| !s.text.contains("was escorted")
                && !s.text.contains("meeting rose")
                && !s.text.contains("This record contains")),
        "the record's narration is no statement"
    );
    assert_eq!(doc.statements[2].speaker.person.as_deref(), Some("Example"));
    assert_eq!(
        doc.statements[7].aligned_with.as_deref(),
        Some("Group of 77 and China")
    );
}

#[test]
fn summary_record_attributes_reported_speech() {
    let doc = parse("summary_record.txt", SourceType::UnDocument);
    let got: Vec<String> = doc
        .statements
        .iter()
        .map(|s| s.speaker.name.clone().unwrap_or_default())
        .collect();
    let ceb = "United Nations System Chief Executives Board for Coordination";
    let unesco = "United Nations Educational, Scientific and Cultural Organization";
    let itu = "International Telecommunication Union";
    assert_eq!(
        got,
        [ceb, "Secretariat", unesco, unesco, unesco, itu, ceb, itu]
    );
}

#[test]
fn general_debate_speaker_from_the_file_name() {
    let doc = parse("ungdc/PER_80_2025.txt", SourceType::GeneralDebate);
    assert_eq!(
        doc.statements.len(),
        3,
        "a line ending a sentence ends its paragraph"
    );
    assert_eq!(
        doc.statements[1].text, "We support the Charter of the United Nations.",
        "a hard-wrapped line continues"
    );
    assert!(doc
        .statements
        .iter()
        .all(|s| s.speaker.name.as_deref() == Some("Peru")
            && s.speaker.method == Some(Method::FileName)));
    assert_eq!(doc.sitting.session, Some(80));
    let eu = parse("ungdc/EU_80_2025.txt", SourceType::GeneralDebate);
    assert_eq!(
        eu.statements[0].speaker.name.as_deref(),
        Some("European Union")
    );
}

#[test]
fn general_debate_speech_read_by_its_heading() {
    // A speech saved from a mission's page, not named ISO3_SESSION_YEAR.txt.
    let text = "Check against delivery\n\nStatement by His Excellency Example Person\nPrime Minister of the Republic of Fiji\nat the General Debate of the seventy-eighth session of the United Nations General Assembly\n\nNew York, 22 September 2023\n\nMr. President,\n\nFiji joins others in congratulating you on your election, and pledges its full support to your presidency.\n\nCybersecurity is a growing concern for small island developing States, and cyber capacity-building must reach the Pacific.\n";
    assert_eq!(
        formats::detect(text, "statement.txt"),
        Some(SourceType::GeneralDebate)
    );
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let doc = formats::parse(
        SourceType::GeneralDebate,
        text,
        "statement.txt",
        library.resolver(),
    )
    .unwrap();
    assert_eq!(doc.title, "Fiji, general debate of the 78th session (2023)");
    assert_eq!(doc.sitting.session, Some(78));
    assert_eq!(doc.date.unwrap().to_string(), "2023-09-22");
    assert_eq!(doc.statements.len(), 2, "the heading is not a statement");
    assert!(doc.statements[0].text.starts_with("Fiji joins others"));
    assert!(doc
        .statements
        .iter()
        .all(|s| s.speaker.name.as_deref() == Some("Fiji")
            && s.speaker.method == Some(Method::InText)));
    // Without a country in the heading, it says what to do.
    let anonymous = text.replace("Prime Minister of the Republic of Fiji\n", "");
    let err = formats::parse(
        SourceType::GeneralDebate,
        &anonymous,
        "statement.txt",
        library.resolver(),
    )
    .unwrap_err();
    assert!(err.message.contains("ISO3_SESSION_YEAR"), "{err}");
}

#[test]
fn transcript_labels_on_the_same_line_as_the_speech() {
    let text = "Session 7-3 Transcript (OEWG 2021-25)\n\nChair: Good morning. I give the floor to France, to be followed by Egypt.\n\nFrance: Thank you, Chair. France supports the programme of action.\nIt should be permanent.\n\nEgypt: Thank you, Chair. Egypt calls for a voluntary fund.\n\nChair (Mr. Example): Thank you. Ambassador Example has the floor.\n\nAmbassador Example: Thank you. We meet at 10:30 tomorrow.\n";
    assert_eq!(formats::detect(text, "t.txt"), Some(SourceType::Transcript));
    // Without the word "transcript" or the Chair's cues, the labels still tell.
    let notes = text
        .replace(
            "Session 7-3 Transcript (OEWG 2021-25)",
            "Informal consultations, 3 May",
        )
        .replace(
            "I give the floor to France, to be followed by Egypt.",
            "Let us begin.",
        )
        .replace("Ambassador Example has the floor.", "Next speaker.");
    assert_eq!(
        formats::detect(&notes, "notes.txt"),
        Some(SourceType::Transcript)
    );
    assert_eq!(
        formats::detect(
            "From: a\nTo: b\nSubject: c\n\nHello: there\nNote: x\n",
            "mail.txt"
        ),
        None
    );
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let doc = formats::parse(SourceType::Transcript, text, "t.txt", library.resolver()).unwrap();
    let who: Vec<(String, Method)> = speakers(&doc);
    assert_eq!(
        who,
        [
            ("Chair".to_string(), Method::Label),
            ("France".to_string(), Method::Label),
            ("Egypt".to_string(), Method::Label),
            ("Chair".to_string(), Method::Label),
            ("Ambassador Example".to_string(), Method::Label),
        ]
    );
    assert_eq!(
        doc.statements[1].text,
        "Thank you, Chair. France supports the programme of action.\nIt should be permanent."
    );
    // The statement points at its text in the source, after the label.
    let france = &doc.statements[1];
    assert!(text[france.start..].starts_with("Thank you, Chair. France"));
    assert!(doc.statements[4].text.ends_with("10:30 tomorrow."));
}

#[test]
fn labels_with_a_group_or_a_person_in_them() {
    let text = "Session 7-4 Transcript (OEWG 2021-25)\n\nChair\n\nGood morning. I give the floor to Egypt.\n\nEgypt (on behalf of the African Group)\n\nThank you, Chair. We call for capacity building.\n\nH.E. Ambassador Example (Kenya)\n\nThank you, Chair. Kenya supports the fund.\n\nFrance, on behalf of the European Union\n\nThank you, Chair.\n\nCuba (on behalf of the Non-Aligned Movement): Thank you, Chair. The movement speaks.\n";
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let doc = formats::parse(SourceType::Transcript, text, "t.txt", library.resolver()).unwrap();
    let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = doc
        .statements
        .iter()
        .map(|s| {
            (
                s.speaker.name.as_deref(),
                s.on_behalf_of.as_deref(),
                s.speaker.person.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("Chair"), None, None),
            (Some("Egypt"), Some("African Group"), None),
            (Some("Kenya"), None, Some("H.E. Ambassador Example")),
            (Some("France"), Some("European Union"), None),
            (Some("Cuba"), Some("Non-Aligned Movement"), None),
        ]
    );
    assert!(doc
        .statements
        .iter()
        .all(|s| s.speaker.method == Some(Method::Label)));
}

#[test]
fn the_oewg_successor_is_its_own_process() {
    let dir = temp_dir();
    let library = Library::open(dir.path()).unwrap();
    let by_title = "Global Mechanism on ICT security, first substantive session - transcript\n\nChair: Good morning. I give the floor to Kenya, to be followed by Chile.\n\nKenya: Thank you, Chair. We support capacity building.\n";
    let by_opening = "Transcript, 3 March 2027\n\nChair: I open the first meeting of the Global Mechanism. I give the floor to Kenya.\n\nKenya: Thank you, Chair.\n";
    let oewg = "Session 2-8 Transcript (OEWG 2021-25)\n\nChair: The future global mechanism was discussed. I give the floor to Kenya.\n\nKenya: Thank you, Chair.\n";
    for (text, key) in [
        (by_title, Some("global-mechanism")),
        (by_opening, Some("global-mechanism")),
        (oewg, Some("oewg-2021-2025")),
    ] {
        let doc =
            formats::parse(SourceType::Transcript, text, "t.txt", library.resolver()).unwrap();
        assert_eq!(
            doc.sitting.process.as_ref().map(|(k, _)| k.as_str()),
            key,
            "{text}"
        );
    }
}

#[test]
fn unknown_text_is_not_detected() {
    assert_eq!(
        formats::detect("Just some notes.\nNothing more.\n", "notes.txt"),
        None
    );
}
