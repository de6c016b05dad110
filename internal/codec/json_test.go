package codec

import (
	"encoding/json"
	"testing"
)

func TestAppendJSONString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{"a \"q\" \\", `"a \"q\" \\"`},
		{"t\tn\nr\r\x01\x1f", `"t\tn\nr\r\u0001\u001f"`},
		{"“é” \u2028", "\"“é” \u2028\""},
		{"bad \xff byte", `"bad \ufffd byte"`},
	} {
		got := string(AppendJSONString([]byte("x"), tc.in))
		if got != "x"+tc.want {
			t.Errorf("AppendJSONString(%q) = %s, want x%s", tc.in, got, tc.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got[1:]), &back); err != nil {
			t.Errorf("%s: not JSON: %v", got[1:], err)
		}
	}
}
