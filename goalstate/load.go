package goalstate

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// LoadOptions are the inputs of Load besides the file.
type LoadOptions struct {
	// Variables fill ${NAME} references in string values, over the
	// document's own variables (its defaults). "$${" stands for a literal
	// "${".
	Variables map[string]string
}

// FileError is a desired-state file that cannot be used: it does not parse,
// has an unknown key, a value of the wrong type or an unknown enum, or breaks
// a rule of the format. Line and Column (1-based) locate it when known.
// It matches ErrInvalidFile.
type FileError struct {
	Line, Column int
	// Path is the key path, e.g. "zendesk.goals[0].attribution_model".
	Path   string
	Reason string
}

// ErrInvalidFile matches every *FileError.
var ErrInvalidFile = errors.New("goalstate: invalid desired-state file")

// Error says where and what, e.g. `line 4, column 5: unknown field "nmae"`.
func (e *FileError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Is makes a *FileError match ErrInvalidFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidFile }

// Load reads a desired-state document (YAML; JSON is YAML too). It is strict:
// an unknown key is an error (a typo must not silently do nothing), as is a
// duplicate key, a wrong type, an unknown enum (naming the allowed values), an
// undefined variable, or a duplicate name. Every error is a *FileError; the
// first one found is returned.
func Load(data []byte, opts LoadOptions) (*Document, error) {
	var doc Document
	if err := yaml.UnmarshalWithOptions(data, &doc, yaml.Strict()); err != nil {
		return nil, yamlError(err)
	}
	vars := map[string]string{}
	for k, v := range doc.Variables {
		vars[k] = v
	}
	for k, v := range opts.Variables {
		vars[k] = v
	}
	if err := expandVariables(&doc, vars); err != nil {
		return nil, locate(data, err)
	}
	if err := doc.Validate(); err != nil {
		return nil, locate(data, err)
	}
	return &doc, nil
}

// yamlError turns a go-yaml error into a *FileError with its position.
func yamlError(err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		fe := &FileError{Reason: ye.GetMessage()}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			fe.Line, fe.Column = tk.Position.Line, tk.Position.Column
		}
		return fe
	}
	return &FileError{Reason: err.Error()}
}

// locate fills in the line and column of a *FileError from its path.
func locate(data []byte, err error) error {
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path == "" || fe.Line > 0 {
		return err
	}
	file, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return err
	}
	// A key the file leaves out (a required one) is located at the object
	// that lacks it.
	for path := fe.Path; path != ""; path = parentPath(path) {
		p, perr := yaml.PathString("$." + path)
		if perr != nil {
			continue
		}
		node, perr := p.FilterFile(file)
		if perr != nil || node == nil || node.GetToken() == nil {
			continue
		}
		pos := node.GetToken().Position
		fe.Line, fe.Column = pos.Line, pos.Column
		break
	}
	return err
}

// parentPath drops the last key or index of a path: "a.b[0].c" -> "a.b[0]"
// -> "a.b" -> "a" -> "".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// varRef is one ${NAME} reference, or the escape $${.
var varRef = regexp.MustCompile(`\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandVariables replaces the variable references in every string of
// doc but its variables.
func expandVariables(doc *Document, vars map[string]string) error {
	return walkStrings(reflect.ValueOf(doc).Elem(), "", func(path, s string) (string, error) {
		if !strings.Contains(s, "${") {
			return s, nil
		}
		var missing string
		out := varRef.ReplaceAllStringFunc(s, func(m string) string {
			if m == "$${" {
				return "${"
			}
			name := m[2 : len(m)-1]
			val, ok := vars[name]
			if !ok && missing == "" {
				missing = name
			}
			return val
		})
		if missing != "" {
			return "", &FileError{Path: path, Reason: fmt.Sprintf("undefined variable ${%s}: give it with --var %s=... or under variables", missing, missing)}
		}
		return out, nil
	})
}

// replaceInStrings replaces old with new in every string of doc but its
// variables: "${" with "$${" escapes the document for Encode, and the
// reverse undoes it.
func replaceInStrings(doc *Document, old, new string) {
	_ = walkStrings(reflect.ValueOf(doc).Elem(), "", func(_, s string) (string, error) {
		return strings.ReplaceAll(s, old, new), nil
	})
}

// walkStrings calls fn on every string of v, a part of the document at
// path, and stores what it returns. The variables section is skipped.
func walkStrings(v reflect.Value, path string, fn func(path, s string) (string, error)) error {
	switch v.Kind() {
	case reflect.String:
		out, err := fn(path, v.String())
		if err != nil {
			return err
		}
		if v.CanSet() {
			v.SetString(out)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return walkStrings(v.Elem(), path, fn)
		}
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		// A value inside an interface cannot be set in place: copy it.
		inner := reflect.New(v.Elem().Type()).Elem()
		inner.Set(v.Elem())
		if err := walkStrings(inner, path, fn); err != nil {
			return err
		}
		v.Set(inner)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			key := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
			if key == "variables" {
				continue
			}
			if err := walkStrings(v.Field(i), join(path, key), fn); err != nil {
				return err
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if err := walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			val := reflect.New(iter.Value().Type()).Elem()
			val.Set(iter.Value())
			if err := walkStrings(val, join(path, fmt.Sprint(iter.Key())), fn); err != nil {
				return err
			}
			v.SetMapIndex(iter.Key(), val)
		}
	}
	return nil
}

// join appends a key to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
