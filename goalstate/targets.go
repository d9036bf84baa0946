package goalstate

import (
	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Targets are the accounts a plan reads and an apply writes, through the
// SDK's client interfaces (a *goals.Client, a *giosg.Org, ...; tests pass
// clients of the xxxtest fakes). A dialect the document manages needs its
// target; the others may be nil.
type Targets struct {
	Goals     goals.API
	Triggers  triggers.API
	Giosg     giosg.GoalsAPI
	PageSense pagesense.ProjectAPI
}
