package goals

// AttributionModel says which agent a conversion is credited to.
type AttributionModel string

// Attribution models.
const (
	FirstTouch AttributionModel = "first_touch" // the first agent who chatted with the visitor
	LastTouch  AttributionModel = "last_touch"  // the last agent who chatted with the visitor
)

// String returns the wire value.
func (m AttributionModel) String() string { return string(m) }

// Valid reports whether m is FirstTouch or LastTouch.
func (m AttributionModel) Valid() bool { return m == FirstTouch || m == LastTouch }

// ConditionType is what a condition looks at; the API supports only URLs.
type ConditionType string

// ConditionURL compares the visited page's URL.
const ConditionURL ConditionType = "url"

// String returns the wire value.
func (t ConditionType) String() string { return string(t) }

// Valid reports whether t is ConditionURL.
func (t ConditionType) Valid() bool { return t == ConditionURL }

// Operator is how a condition compares its value.
type Operator string

// Operators.
const (
	OperatorEquals   Operator = "equals"   // the URL is exactly Value
	OperatorContains Operator = "contains" // the URL contains Value
)

// String returns the wire value.
func (o Operator) String() string { return string(o) }

// Valid reports whether o is OperatorEquals or OperatorContains.
func (o Operator) Valid() bool { return o == OperatorEquals || o == OperatorContains }
