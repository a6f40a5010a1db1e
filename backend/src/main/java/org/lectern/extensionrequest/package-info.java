/** Students' extension requests; approved ones become the gradebook's extensions. */
package org.lectern.extensionrequest;
