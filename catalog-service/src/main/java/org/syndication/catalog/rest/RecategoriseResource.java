package org.syndication.catalog.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.syndication.catalog.mapping.RecategoriseMapper;
import org.syndication.catalog.service.RecategoriseService;
import org.syndication.support.rest.OperatorOnly;
import org.syndication.support.rest.Problems;

import java.net.URI;

@Path("/api/recategorise")
@Produces(MediaType.APPLICATION_JSON)
public class RecategoriseResource {

    private final RecategoriseService recategorise;

    public RecategoriseResource(RecategoriseService recategorise) {
        this.recategorise = recategorise;
    }

    /** Starts a run over the whole history: 202 with the job, its URL in {@code Location}. */
    @POST
    @OperatorOnly
    public Response start(UriInfo uri) {
        RecategoriseJobView job = RecategoriseMapper.toView(recategorise.start());
        URI location = uri.getAbsolutePathBuilder().path(job.jobId()).build();
        return Response.accepted(job).location(location).build();
    }

    @GET
    @Path("{jobId}")
    public Response status(@PathParam("jobId") String jobId, UriInfo uri) {
        return recategorise.status(jobId)
                .map(run -> Response.ok(RecategoriseMapper.toView(run)).build())
                .orElseGet(() -> Problems.problem(ProblemTypes.JOB_NOT_FOUND, "Job not found", 404,
                        "no re-categorisation job " + jobId + " (jobs are kept in memory until a restart)",
                        uri).toResponse());
    }
}
