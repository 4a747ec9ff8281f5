enum BuiltinHolidayTable { struct Row { init(_ a: String, _ b: String, _ c: String, observed: Bool, provisional: Bool) {} } }
