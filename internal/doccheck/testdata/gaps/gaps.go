package gaps

type Undocumented struct{}

// Documented has a comment.
type Documented struct{}

type (
	// InGroup has its own comment.
	InGroup int
	Grouped int
)

// Kinds: a group comment documents every spec.
type (
	KindA int
	KindB int
)

func Bare() {}

// Fine has a comment.
func Fine() {}

func (Undocumented) Method() {}

func (*Undocumented) PointerMethod() {}

func (u Undocumented) unexported() {}

type hidden struct{}

func (hidden) Exported() {}

const Loose = 1

// Commented is documented.
const Commented = 2

// Group comment.
const (
	A = iota
	B
)

const (
	C = 3 // a line comment counts
	// D has a comment above it.
	D = 4
)

var Loose1, Loose2 = 1, 2

var unexported = 3
