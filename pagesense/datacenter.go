package pagesense

import (
	"fmt"
	"strings"
)

// DataCenter is a Zoho data center: the region an account lives in. It
// decides both the accounts server that issues access tokens and the
// PageSense host that serves the API. The zero value is not a data center;
// OAuthConfig treats it as US.
type DataCenter string

// Zoho's data centers.
const (
	US DataCenter = "us" // accounts.zoho.com, pagesense.zoho.com
	EU DataCenter = "eu" // accounts.zoho.eu
	IN DataCenter = "in" // accounts.zoho.in
	AU DataCenter = "au" // accounts.zoho.com.au
	JP DataCenter = "jp" // accounts.zoho.jp
	CN DataCenter = "cn" // accounts.zoho.com.cn
	SA DataCenter = "sa" // accounts.zoho.sa
	CA DataCenter = "ca" // accounts.zohocloud.ca
	UK DataCenter = "uk" // accounts.zoho.uk
)

// domains maps each data center to the domain its Zoho hosts share. The
// accounts servers are documented by Zoho; the PageSense hosts are assumed
// to follow the same domain (only pagesense.zoho.com is documented), so
// WithBaseURL can override them.
var domains = map[DataCenter]string{
	US: "zoho.com",
	EU: "zoho.eu",
	IN: "zoho.in",
	AU: "zoho.com.au",
	JP: "zoho.jp",
	CN: "zoho.com.cn",
	SA: "zoho.sa",
	CA: "zohocloud.ca",
	UK: "zoho.uk",
}

// Valid reports whether dc is one of the known data centers.
func (dc DataCenter) Valid() bool {
	_, ok := domains[dc]
	return ok
}

// AccountsURL is the data center's accounts server, which issues and
// refreshes access tokens, e.g. "https://accounts.zoho.eu". These hosts are
// documented by Zoho. It is "" for an unknown data center.
func (dc DataCenter) AccountsURL() string {
	d, ok := domains[dc]
	if !ok {
		return ""
	}
	return "https://accounts." + d
}

// BaseURL is the PageSense REST root in the data center, e.g.
// "https://pagesense.zoho.eu/pagesense/rest/v1". Only US
// (pagesense.zoho.com) is documented; the others are assumed to follow the
// accounts server's domain. It is "" for an unknown data center.
func (dc DataCenter) BaseURL() string {
	d, ok := domains[dc]
	if !ok {
		return ""
	}
	return "https://pagesense." + d + "/pagesense/rest/v1"
}

// ParseDataCenter reads a data center's name in any case and without
// surrounding space: "EU", "eu" and " Eu " are all EU. Anything else,
// including "", is an error naming the accepted values.
func ParseDataCenter(s string) (DataCenter, error) {
	dc := DataCenter(strings.ToLower(strings.TrimSpace(s)))
	if err := validDataCenter(dc); err != nil {
		return "", err
	}
	return dc, nil
}

// validDataCenter returns an error naming an unknown data center.
func validDataCenter(dc DataCenter) error {
	if !dc.Valid() {
		return fmt.Errorf("pagesense: unknown data center %q (want us, eu, in, au, jp, cn, sa, ca or uk)", string(dc))
	}
	return nil
}
