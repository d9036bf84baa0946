package goalstate

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// schema is schema.json, decoded.
func schema(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	return s
}

// schemaTypes are the Go type behind each object of the schema ("" is the
// root).
var schemaTypes = map[string]any{
	"": Document{}, "ZendeskState": ZendeskState{}, "ZendeskGoal": ZendeskGoal{}, "ZendeskCondition": ZendeskCondition{},
	"Trigger": Trigger{}, "TriggerDefinition": TriggerDefinition{}, "GiosgState": GiosgState{}, "GiosgGoal": GiosgGoal{},
	"GiosgCondition": GiosgCondition{}, "PageSenseState": PageSenseState{}, "PageSenseGoal": PageSenseGoal{},
	"PageSenseURLRule": PageSenseURLRule{}, "GoalTests": GoalTests{},
}

// TestSchema_InSyncWithTheGoTypes: every field of every type is in the
// schema and every schema property is a field; objects are closed; the
// enums are the Go ones.
func TestSchema_InSyncWithTheGoTypes(t *testing.T) {
	s := schema(t)
	defs := s["$defs"].(map[string]any)
	for name := range defs {
		if _, ok := schemaTypes[name]; !ok {
			t.Errorf("schema $defs.%s has no Go type", name)
		}
	}
	for name, v := range schemaTypes {
		def := s
		if name != "" {
			d, ok := defs[name].(map[string]any)
			if !ok {
				t.Errorf("type %T is not in the schema's $defs", v)
				continue
			}
			def = d
		}
		if def["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties must be false (unknown keys are errors)", name)
		}
		var fields []string
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			fields = append(fields, strings.Split(rt.Field(i).Tag.Get("json"), ",")[0])
		}
		var props []string
		for p := range def["properties"].(map[string]any) {
			props = append(props, p)
		}
		slices.Sort(fields)
		slices.Sort(props)
		if !slices.Equal(fields, props) {
			t.Errorf("%T: Go fields %q, schema properties %q", v, fields, props)
		}
	}
	enum := func(def, prop string) []string {
		var out []string
		for _, e := range defs[def].(map[string]any)["properties"].(map[string]any)[prop].(map[string]any)["enum"].([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	for _, tc := range []struct {
		def, prop string
		want      []string
	}{
		{"ZendeskGoal", "attribution_model", attributionModels},
		{"ZendeskCondition", "operator", operators},
		{"ZendeskCondition", "type", conditionTypes},
		{"PageSenseGoal", "goal_type", goalTypeNames()},
		{"PageSenseURLRule", "match_type", matchTypeNames()},
	} {
		if got := enum(tc.def, tc.prop); !slices.Equal(got, tc.want) {
			t.Errorf("%s.%s enum = %q, Go allows %q", tc.def, tc.prop, got, tc.want)
		}
	}
}

// TestSchema_ExamplesValidate checks the example files and this package's
// test documents against the schema, and that the check catches a typo.
func TestSchema_ExamplesValidate(t *testing.T) {
	s := schema(t)
	docs := map[string]string{"validDoc": validDoc, "applyDoc": applyDoc}
	files, _ := filepath.Glob("../examples/goalsascode/*.yaml")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = string(raw)
	}
	for name, text := range docs {
		var v any
		if err := yaml.Unmarshal([]byte(text), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := validateSchema(s, s, v, "$"); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	var typo any
	_ = yaml.Unmarshal([]byte("version: 1\nzendesk:\n  goals:\n    - {name: a, attribution_model: first_touch, attribution_period: 3, enabeld: true}\n"), &typo)
	if err := validateSchema(s, s, typo, "$"); err == nil || !strings.Contains(err.Error(), "enabeld") {
		t.Errorf("a typo passed the schema: %v", err)
	}
}

// validateSchema checks v against the subset of JSON Schema schema.json
// uses: $ref, type, enum, properties, additionalProperties, required,
// items, minimum, maximum, minLength, pattern.
func validateSchema(root, s map[string]any, v any, path string) error {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return validateSchema(root, root["$defs"].(map[string]any)[name].(map[string]any), v, path)
	}
	if typ, ok := s["type"]; ok {
		var types []any
		if list, ok := typ.([]any); ok {
			types = list
		} else {
			types = []any{typ}
		}
		if !slices.ContainsFunc(types, func(t any) bool { return jsonType(v, t.(string)) }) {
			return fmt.Errorf("%s: %v is not of type %v", path, v, typ)
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
		return fmt.Errorf("%s: %v is not one of %v", path, v, enum)
	}
	if n, ok := number(v); ok {
		if m, ok := s["minimum"].(float64); ok && n < m {
			return fmt.Errorf("%s: %v < %v", path, n, m)
		}
		if m, ok := s["maximum"].(float64); ok && n > m {
			return fmt.Errorf("%s: %v > %v", path, n, m)
		}
	}
	if str, ok := v.(string); ok {
		if m, ok := s["minLength"].(float64); ok && float64(len(str)) < m {
			return fmt.Errorf("%s: shorter than %v", path, m)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", path, str, p)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		required, _ := s["required"].([]any)
		for _, r := range required {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: %s is required", path, r)
			}
		}
		for k, val := range obj {
			sub, ok := props[k].(map[string]any)
			if !ok {
				switch ap := s["additionalProperties"].(type) {
				case bool:
					if !ap {
						return fmt.Errorf("%s: unknown key %q", path, k)
					}
					continue
				case map[string]any:
					sub = ap
				default:
					continue
				}
			}
			if err := validateSchema(root, sub, val, path+"."+k); err != nil {
				return err
			}
		}
	}
	if list, ok := v.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range list {
				if err := validateSchema(root, items, e, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func jsonType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "integer":
		n, ok := number(v)
		return ok && n == math.Trunc(n)
	case "number":
		_, ok := number(v)
		return ok
	}
	return false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case uint64:
		return float64(n), true
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
