package postgres

// Names the external tests use.
var (
	Migrate = migrate
	Redact  = redact
)
