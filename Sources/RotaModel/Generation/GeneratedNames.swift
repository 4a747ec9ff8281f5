/// First names common in each country, for generated engineers (ids are made from them).
enum GeneratedNames {
    static func firstNames(country: String) -> [String] {
        switch country {
        case "MY":
            [
                "Aidil", "Siti", "Wei Ming", "Thiru", "Nurul", "Kavitha", "Hafiz", "Mei Ling", "Arjun", "Farah",
                "Jia Hui",
                "Ravi",
            ]
        case "SG": ["Wei Jie", "Hui Min", "Rizal", "Priya", "Jun Hao", "Shu Fen", "Imran", "Xin Yi"]
        case "IN": ["Aarav", "Ananya", "Vikram", "Priyanka", "Rohan", "Sneha", "Karthik", "Divya", "Arun", "Meera"]
        case "GB": ["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Freya"]
        case "US": ["James", "Olivia", "Mateo", "Emma", "Noah", "Sophia", "Liam", "Mia"]
        case "DE": ["Lukas", "Hannah", "Felix", "Lea", "Jonas", "Marie", "Paul", "Emilia"]
        case "AU": ["Lachlan", "Chloe", "Cooper", "Matilda", "Harrison", "Ruby"]
        default: ["Alex", "Sam", "Robin", "Kim", "Jordan", "Taylor"]
        }
    }

    static let initials = "ABCDEFGHJKLMNOPRSTWY".map(String.init)

    /// "Wei Ming K" → "wei-ming-k".
    static func slug(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
