/** What every module shares: the API error model and small value types. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.basalt.shared;
