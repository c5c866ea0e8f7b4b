/** Access rules: what a collection's list/view/create/update/delete rules mean for a caller. */
package dev.basalt.access;
