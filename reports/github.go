package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/textaudit/textaudit/audit"
)

// GitHub writes workflow commands that GitHub Actions turns into annotations:
// ::warning file=a.txt,line=3,endLine=3,col=1,endColumn=14,title=boilerplate.phrase::message
func GitHub(w io.Writer, r *audit.Report, opt Options) error {
	r = Filter(r, opt.MinSeverity)
	for _, f := range r.Files {
		for _, x := range f.Findings {
			level := "notice"
			switch x.Severity {
			case audit.Error:
				level = "error"
			case audit.Warning:
				level = "warning"
			}
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
				level, escapeProperty(artifactURI(x.Path)), x.Line, x.EndLine, x.Column, x.EndColumn,
				escapeProperty(x.Rule), escapeData(x.Message)); err != nil {
				return err
			}
		}
	}
	return nil
}

// escapeData escapes a workflow command's message as the Actions toolkit does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
