import ConformanceModel
import Synchronization

/// Everything about one defect in one place: what the server does wrong, the cases that must fail and those that must
/// warn with it on, and how it is done — a rewrite of the faithful answer, or a rule the handler is handed relaxed.
/// A handler never asks which defects are on.
struct DefectSpec: Sendable {
    let deviation: String
    /// Globs over case ids: exactly the cases that must fail with this defect on.
    let fails: [String]
    /// Globs over case ids: exactly the cases that must pass with a warning (a broken recommended rule).
    var warns: [String] = []
    let effect: DefectEffect
}

/// How a defect is done.
enum DefectEffect: Sendable {
    /// The faithful answer changed after the handler gave it, beside the variations.
    case rewrite(WireRewrite)
    /// An input read differently: the input rules are handed the deviation.
    case input(InputDeviation)
    /// Credentials checked differently: the API's authenticator is handed the deviation.
    case auth(AuthDeviation)
    /// A lifecycle fixture moves differently.
    case lifecycle(LifecycleDeviation)
}

/// A change to a finished answer. Made once per server (`WireDefects`), so one that keeps state (the first answer
/// only) keeps it for the server's life.
struct WireRewrite: Sendable {
    let change: @Sendable (inout Reply) -> Void

    init(_ change: @escaping @Sendable (inout Reply) -> Void) { self.change = change }

    /// Only the first answer `applies` to is changed.
    static func once(
        where applies: @escaping @Sendable (Reply) -> Bool, _ change: @escaping @Sendable (inout Reply) -> Void
    ) -> WireRewrite {
        let given = Flag()
        return WireRewrite { reply in
            if applies(reply), given.raiseFirst() { change(&reply) }
        }
    }

    /// Whether a one-time change was made.
    private final class Flag: Sendable {
        private let raised = Mutex(false)

        /// True the first time only.
        func raiseFirst() -> Bool {
            raised.withLock { raised in
                defer { raised = true }
                return !raised
            }
        }
    }
}

/// How an input is read other than its rules say.
enum InputDeviation: Sendable, Hashable {
    /// A value one character past the maximum length is accepted.
    case oneLonger(String)
    /// A value with a line break at its end is accepted, as `^…$` matching lets it be.
    case trailingNewline([String])
    /// Values are matched against this pattern instead of the profile's (within the profile's lengths).
    case pattern([String], String)
    /// A value wrapped in braces `{…}` is unwrapped and looked up.
    case unwrapsBraces(String)
    /// A decimal value is truncated to an integer and looked up.
    case truncatesDecimal(String)
    /// Any string of digits up to this length is accepted and read as the server's own value.
    case anyDigits(String, maxLength: Int)
    /// A missing value is read as the server's own, not refused.
    case defaultWhenMissing(String)
    /// A value written as a JSON string (an integer input) is refused.
    case refusesStringWritten(String)
    /// A format the API does not speak is served in JSON.
    case servesUnknownFormat
    /// The operation's fixed parameters (a query's Action and Version) are not checked.
    case fixedParametersUnchecked
}

/// How credentials are checked other than documented.
enum AuthDeviation: Sendable, Hashable {
    case acceptsUnsigned
    /// A request presigned in its query string is refused as unsigned.
    case refusesPresigned
    case acceptsAnySession
    /// A session cookie named but empty is accepted.
    case acceptsEmptySession
    case acceptsAnyBearer
    /// `Authorization: Bearer` without a token is accepted.
    case acceptsBareBearer
}

/// How a lifecycle fixture moves other than a real operation does.
enum LifecycleDeviation: Sendable, Hashable {
    case neverFinishes
    /// Progress goes back on the third poll.
    case goesBackwards
}

extension Set<Defect> {
    /// The deviations the chosen defects hand to `api`'s input rules, authenticator and lifecycles.
    func inputDeviations(_ api: String) -> [InputDeviation] {
        effects(of: api) { if case .input(let deviation) = $0 { deviation } else { nil } }
    }

    func authDeviations(_ api: String) -> Set<AuthDeviation> {
        Set<AuthDeviation>(effects(of: api) { if case .auth(let deviation) = $0 { deviation } else { nil } })
    }

    func lifecycleDeviation(_ api: String) -> LifecycleDeviation? {
        effects(of: api) { if case .lifecycle(let deviation) = $0 { deviation } else { nil } }.first
    }

    /// What `pick` finds in the effect of each chosen defect of `api`.
    private func effects<Found>(of api: String, _ pick: (DefectEffect) -> Found?) -> [Found] {
        compactMap { $0.api == api ? pick($0.spec.effect) : nil }
    }
}
