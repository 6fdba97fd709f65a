package org.symbiosiskb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The knowledge base of industrial symbiosis: Neo4j underneath, GraphQL and the exchange endpoint on top. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SymbiosisKbApplication {

    public static void main(String[] args) {
        SpringApplication.run(SymbiosisKbApplication.class, args);
    }
}
