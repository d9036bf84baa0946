// Command quickstart is goalkit's first stop. It runs offline.
package main

import "fmt"

func main() {
	fmt.Println("goalkit quickstart: running offline (the dialect tour arrives with the dialect packages).")
}
