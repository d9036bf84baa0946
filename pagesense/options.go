package pagesense

// Ptr returns a pointer to v, for the optional fields of params.
func Ptr[T any](v T) *T { return &v }
