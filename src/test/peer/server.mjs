// The GraphQL peer the benchmark compares us with (issue 15): @neo4j/graphql, the Neo4j GraphQL Library,
// with type definitions for the same labels and relationships as symbiosis-kb, served over plain HTTP
// against the benchmark's own database through Bolt, as an outside engineer would set it up.
//
//   node server.mjs bolt://127.0.0.1:7687 [port]     prints "listening <port>" once it answers
//
// POST / with {"query": ..., "variables": ...} answers {"data": ...} or {"errors": [...]}, as any GraphQL server.
import http from "node:http";
import neo4j from "neo4j-driver";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { graphql } from "graphql";

const [boltUri, port = "0"] = process.argv.slice(2);
if (!boltUri) {
    console.error("usage: node server.mjs BOLT_URI [PORT]");
    process.exit(2);
}

// The labels and relationship types of symbiosis-kb's model (cypher/schema.cypher): a park's organizations are
// LOCATED_IN it, an organization OPERATES its processes, a process PRODUCES its side streams, a park is MEMBER_OF
// networks. Only what the benchmark's queries read.
const typeDefs = /* GraphQL */ `
    type Network @node {
        id: ID!
        name: String
    }

    type Park @node {
        id: ID!
        name: String
        country: String
        networks: [Network!]! @relationship(type: "MEMBER_OF", direction: OUT)
        organizations: [Organization!]! @relationship(type: "LOCATED_IN", direction: IN)
    }

    type Organization @node {
        id: ID!
        name: String
        park: Park @relationship(type: "LOCATED_IN", direction: OUT)
        processes: [Process!]! @relationship(type: "OPERATES", direction: OUT)
    }

    type Process @node {
        id: ID!
        name: String
        outputTonnes: Float
        operator: Organization @relationship(type: "OPERATES", direction: IN)
        sideStreams: [SideStream!]! @relationship(type: "PRODUCES", direction: OUT)
    }

    type SideStream @node {
        id: ID!
        name: String
        quantity: Float
        unit: String
        ewc: String
        producer: Process @relationship(type: "PRODUCES", direction: IN)
    }
`;

const driver = neo4j.driver(boltUri, neo4j.auth.none(), { maxConnectionPoolSize: 64 });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
        let result;
        try {
            const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
            result = await graphql({ schema, source: query, variableValues: variables, contextValue: {} });
        } catch (e) {
            result = { errors: [{ message: String(e && e.message ? e.message : e) }] };
        }
        const body = JSON.stringify(result);
        response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        response.end(body);
    });
});

server.listen(Number(port), "127.0.0.1", () => console.log("listening " + server.address().port));

const stop = async () => {
    server.close();
    await driver.close();
    process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
