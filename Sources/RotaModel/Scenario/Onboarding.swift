/// `onboarding:` in words.
extension Engineer {
    /// What `onboarding:` asks for, in words: "2 shifts shadowed, then 2 as backup"; nil without it.
    public var onboardingSummary: String? {
        let parts =
            [onboardingShadowShifts.map { "\($0) shift\($0 == 1 ? "" : "s") shadowed" }]
            + [onboardingBackupShifts.map { "\($0) as backup" }]
        let written = parts.compactMap { $0 }
        return written.isEmpty ? nil : written.joined(separator: ", then ")
    }
}
