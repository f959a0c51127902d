package capture

import (
	"bufio"
	"strings"
)

// robotsMaxBytes bounds the robots.txt read, as RFC 9309 allows (it asks
// crawlers to parse at least 500 KiB).
const robotsMaxBytes = 512 << 10

// robots is the part of a robots.txt that applies to one user agent.
type robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt (RFC 9309) for the agent token: the group
// naming the token, else the * group. Unknown lines are ignored.
func parseRobots(data []byte, token string) *robots {
	token = strings.ToLower(token)
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			inAgents = true
			cur.agents = append(cur.agents, strings.ToLower(v))
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (k == "disallow" && v == "") {
				continue
			}
			if len(cur.rules) < 10000 {
				cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
			}
		default:
			inAgents = false
		}
	}
	var star, mine []robotsRule
	found := false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star = append(star, g.rules...)
			case a != "" && strings.HasPrefix(token, a):
				mine = append(mine, g.rules...)
				found = true
			}
		}
	}
	if found {
		return &robots{rules: mine}
	}
	return &robots{rules: star}
}

// allowed reports whether path (with its query) may be fetched: the
// longest matching rule wins, and allow wins a tie.
func (r *robots) allowed(path string) bool {
	if r == nil || path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if matchRobots(rule.pattern, path) {
			n := len(rule.pattern)
			if n > best || (n == best && rule.allow) {
				best, allow = n, rule.allow
			}
		}
	}
	return allow
}

// matchRobots matches a robots.txt path pattern: a prefix, with * for any
// run of characters and a final $ for the end of the path.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if len(parts) > 32 {
		return false
	}
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == "" || len(parts) > 1 && parts[len(parts)-1] == ""
}
