/// A time said so that the half of the day is not in doubt ("at 14:12", "at ten after four this afternoon", "at
/// 3 pm"), or a part of the day said alone ("this afternoon"), at its token position. A later twelve-hour time said
/// without am/pm ("on scene at four twenty-six") is read against the nearest one (`HandoverScanner.dayAnchored`).
struct ClockAnchor: Sendable, Equatable {
    var position: Int
    /// Minutes after midnight; nil for a part of the day said without a time.
    var minutes: Int?
    var part: Lexicon.PartOfDay?
    /// Said as one of the crew's own times ("on scene at 14:00", "called at 06:30", "we arrived at 7 pm"), which an
    /// onset comes before; other times are the patient's story ("had lunch at 1 pm"), which an onset may follow.
    var crew = false
    /// Said with which side of midnight it is ("twelve oh six, that's six minutes past midnight"): a time said after
    /// it may be up to an hour earlier, as a handover is not always told in order ("we left at twelve twenty-five,
    /// so just after midnight. First set at eleven fifty-eight").
    var glossed = false
    /// Said as the greeting that opens the handover ("Good afternoon, doctor."): when the handover is given, so only
    /// the crew's own times are read against it, never an onset (`HandoverScanner.dayAnchored`).
    var greeting = false
}
