import RotaChecking
import RotaModel
import RotaPlanning

/// Rota's default runbook content per business area, used for any section a pipeline's `runbook:` does not write
/// (and marked "default — review" in the runbook). Drawn from what the seed plans list for their investor pipelines:
/// sources, SLAs, alert thresholds and the failures that recur (late data, schema drift, duplicates, definition and
/// currency changes, resource limits, silent failures, expired credentials).
enum RunbookDefaults {
    enum Area {
        case profit, growth, engagement, general

        init(_ area: String) {
            switch area.lowercased() {
            case let a where a.contains("profit") || a.contains("revenue") || a.contains("finance"): self = .profit
            case let a where a.contains("growth"): self = .growth
            case let a where a.contains("engagement"): self = .engagement
            default: self = .general
            }
        }

        /// The headline figure, for sentences: "aggregate profit".
        var figure: String {
            switch self {
            case .profit: return "profit"
            case .growth: return "growth"
            case .engagement: return "engagement"
            case .general: return "the pipeline's figures"
            }
        }
    }

    static func purpose(_ pipeline: Pipeline, _ area: Area) -> String {
        let use = pipeline.investorFacing ? "reported to investors" : "used inside the company"
        switch area {
        case .profit:
            return "Aggregates company-wide revenue and costs into the profit figures \(use) (quarterly reports, "
                + "finance dashboards)."
        case .growth:
            return "Computes company-wide growth metrics (revenue growth, user acquisition, active users) \(use)."
        case .engagement:
            return "Aggregates user engagement (sessions, clicks, time spent, actions) into the engagement metrics "
                + "\(use)."
        case .general:
            return "Produces \(pipeline.name), \(use)."
        }
    }

    static func audience(_ pipeline: Pipeline, _ area: Area) -> String {
        pipeline.investorFacing
            ? "Investor relations and the leadership team; the figures appear in investor reports."
            : "Internal analysts of the \(pipeline.area) area."
    }

    static func sources(_ area: Area) -> [Runbook.Source] {
        switch area {
        case .profit:
            return [
                .init(name: "Revenue and expense data (accounting system)"), .init(name: "Product pricing feed"),
                .init(name: "Cost of goods sold (COGS) table"), .init(name: "Currency exchange rates"),
            ]
        case .growth:
            return [
                .init(name: "User registration events"), .init(name: "Monthly active users (MAU) table"),
                .init(name: "Retention pipeline"), .init(name: "Revenue and user acquisition data (CRM)"),
            ]
        case .engagement:
            return [
                .init(name: "Session and activity logs (tracking system)"),
                .init(name: "Event types (clicks, shares, time spent)"), .init(name: "User segmentation rules"),
            ]
        case .general:
            return [.init(name: "Upstream tables the pipeline reads")]
        }
    }

    static func outputs(_ area: Area) -> [String] {
        switch area {
        case .profit: return ["Profit dashboard for financial analysis", "Quarterly investor report figures"]
        case .growth: return ["Growth dashboards", "Investor presentation figures (PDF/Excel)"]
        case .engagement: return ["Engagement metrics dashboard", "CSV/Excel extracts for investor reports"]
        case .general: return ["The pipeline's output tables"]
        }
    }

    static let schedule = "Complete by 09:00 the next working day (in the team's time zone)."

    static func transformations(_ area: Area) -> [String] {
        switch area {
        case .profit:
            return [
                "Convert amounts to the reporting currency at the day's exchange rates.",
                "Join revenue and costs (COGS) by product and period.",
                "Aggregate to company-wide profit per period and business unit.",
            ]
        case .growth:
            return [
                "Deduplicate users across registration events and the CRM.",
                "Compute period-over-period growth (revenue, users, retention) against the baseline.",
                "Aggregate to the figures of the investor presentation.",
            ]
        case .engagement:
            return [
                "Sessionize activity events per user and drop bot traffic.",
                "Aggregate events by type and user segment.",
                "Compute totals and averages (sessions, time spent) per period.",
            ]
        case .general:
            return ["Clean and join the upstream tables.", "Aggregate to the output's grain."]
        }
    }

    static func validation(_ area: Area) -> [String] {
        [
            "Completeness: every source's newest partition is present, its row count within the range of the last "
                + "4 weeks.",
            "Uniqueness: no duplicate keys (user or transaction ids) in the output.",
            area == .profit
                ? "Accuracy: revenue and costs reconcile with the accounting system's totals for the period."
                : "Accuracy: the headline \(area.figure) reconciles with the source system's own count.",
            "Consistency: totals equal the sum of their breakdowns (by region, product or segment).",
            "Outliers: the headline \(area.figure) within the deviation alert's threshold of its trailing average, "
                + "or explained.",
        ]
    }

    static func monitoring(_ area: Area) -> [String] {
        [
            "The scheduler's run history and failure alerts for this pipeline.",
            "A data-freshness view of each source's newest partition (the data-lag alert).",
            "The \(area.figure) dashboard's trend against its trailing 4-week average (the deviation alert).",
        ]
    }

    static func documentation(_ area: Area) -> [String] {
        [
            "The pipeline's code and README in its repository: logic, dependencies, how to re-run a date.",
            "The \(area.figure) definitions the report uses, as agreed with the primary owner.",
            "This runbook, reviewed with the owners each quarter.",
        ]
    }

    static func alerts(_ area: Area) -> [Runbook.Alert] {
        [
            .init(condition: "Run not complete by the SLA", threshold: "09:00 next working day"),
            .init(condition: "Data lag (newest input older than)", threshold: "> 16 h"),
            .init(condition: "Run duration", threshold: "> 2 h"),
            .init(
                condition: "Headline \(area.figure) deviates from its trailing 4-week average",
                threshold: area == .engagement ? "> 20 %" : "> 10 %"),
            .init(condition: "Scheduled run missed (no run started)", threshold: "any"),
        ]
    }

    static func failures(_ area: Area) -> [Runbook.Failure] {
        [
            .init(
                name: "Late or missing source data",
                symptoms: "The data-lag alert fires, or today's partition of a source is empty or small.",
                diagnosis: [
                    "Check the arrival time and row count of each source's latest partition.",
                    "Ask the source's owner whether the upstream job ran.",
                ],
                recovery: [
                    "Wait for the source, then re-run the pipeline for the affected date.",
                    "If the SLA will be missed, tell the primary owner and the report's consumers.",
                ]),
            .init(
                name: "Schema drift",
                symptoms: "The run fails on a missing or renamed column, or a column's type changed.",
                diagnosis: [
                    "Compare the source's current schema with the one the pipeline expects.",
                    "Find the upstream change (release notes, the source owner).",
                ],
                recovery: [
                    "Adapt the mapping in a reviewed change, or pin the source to its previous version.",
                    "Re-run and compare the \(area.figure) figures with the previous run.",
                ]),
            .init(
                name: "Duplicates inflating figures",
                symptoms: "The deviation alert fires upwards; counts jump without a business reason.",
                diagnosis: [
                    "Count duplicate keys (user or transaction ids) per partition.",
                    "Check whether a source was loaded twice or a join fans out.",
                ],
                recovery: [
                    "Deduplicate on the key, or reload the affected partitions once.",
                    "Re-run the aggregation and confirm the figures are back within range.",
                ]),
            .init(
                name: "Currency or definition change",
                symptoms: "Figures shift by a constant factor, or a metric's definition changed upstream (e.g. MAU).",
                diagnosis: [
                    "Check the exchange-rate feed and the date of the last definition change.",
                    "Confirm with the primary owner which definition the report uses.",
                ],
                recovery: [
                    "Apply the agreed rates or definition and re-run the affected period.",
                    "Note the change for the investor-report owners.",
                ]),
            .init(
                name: "Resource limits",
                symptoms: "The run-duration alert fires; jobs fail with out-of-memory or time-outs.",
                diagnosis: [
                    "Compare input volume and run time with the last good runs.",
                    "Look for skewed partitions or a missing filter.",
                ],
                recovery: [
                    "Re-run with more resources or smaller partitions.",
                    "Open a follow-up to fix the cause (partitioning, caching, a filter).",
                ]),
            .init(
                name: "Silent job failure",
                symptoms:
                    "No alert, but the output was not refreshed (the scheduled-run alert, or a consumer, notices).",
                diagnosis: [
                    "Check the scheduler for the last run and its exit status.",
                    "Check that the output's newest partition is today's.",
                ],
                recovery: [
                    "Re-run the job; make the failure raise an alert next time."
                ]),
            .init(
                name: "Expired credentials",
                symptoms: "Authentication or permission errors when reading a source or writing the output.",
                diagnosis: [
                    "Find which connection failed and when its credential or token expires."
                ],
                recovery: [
                    "Rotate the credential through the secrets manager and re-run.",
                    "Record the next expiry date with the primary owner.",
                ]),
        ]
    }
}
