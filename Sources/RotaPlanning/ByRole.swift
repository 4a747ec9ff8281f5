import RotaModel

/// A value for each duty role: the holders of each slot, counts, count ranges, fair shares. A stored field per role,
/// so reading one can never miss, unlike a `[DutyRole: Value]` dictionary.
struct ByRole<Value> {
    var primary: Value
    var backup: Value

    init(primary: Value, backup: Value) {
        self.primary = primary
        self.backup = backup
    }

    /// Each role's value made by `make`.
    init(_ make: (DutyRole) throws -> Value) rethrows {
        self.init(primary: try make(.primary), backup: try make(.backup))
    }

    subscript(role: DutyRole) -> Value {
        get {
            switch role {
            case .primary: primary
            case .backup: backup
            }
        }
        // In place: a move sets one slot, and a setter would copy the whole array each time.
        _modify {
            switch role {
            case .primary: yield &primary
            case .backup: yield &backup
            }
        }
    }
}
