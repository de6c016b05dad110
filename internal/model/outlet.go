package model

// Outlet is a news outlet as the user's outlet registry describes it.
type Outlet struct {
	Name string `json:"name"`
	// Domains are the web domains the outlet publishes under; an article
	// whose URL is on one of them (or a subdomain) is the outlet's.
	Domains         []string `json:"domains"`
	Country         string   `json:"country"`
	Language        string   `json:"language"`
	Owner           string   `json:"owner"`
	StateAffiliated bool     `json:"state_affiliated"`
	Notes           string   `json:"notes"`
}
